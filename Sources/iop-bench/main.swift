print("iop-bench")
