// Facts about the linked ggml (from the libggml-python wheel), for /health and the link test.
import CGGML

public enum GGMLLibrary {
    public static var version: String { String(cString: ggml_version()) }
}
