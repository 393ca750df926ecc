print("iop-outcomes")
