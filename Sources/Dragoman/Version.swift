// Dragoman's own version, reported by /health, the CLI and the OpenAPI document.
public enum DragomanVersion {
    public static let current = "0.1.0"
}
