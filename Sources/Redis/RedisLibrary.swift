// Facts about the linked hiredis, for /health and the link test.
import CHiredis

public enum RedisLibrary {
    public static var version: String { "\(HIREDIS_MAJOR).\(HIREDIS_MINOR).\(HIREDIS_PATCH)" }
}
