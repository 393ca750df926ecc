/// The version printed in reports' provenance and stored with every load.
public enum SoftwareVersion {
    public static let current = "0.1.0"
}
