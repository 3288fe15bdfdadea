// Facts about the linked libexttextcat, for /health and the link test.
import CTextCat

public enum TextCatLibrary {
    public static var version: String { String(cString: textcat_Version()) }
}
