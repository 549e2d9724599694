package io.trent.analyzer.lint;

/** Builds the JSON paths findings carry: {@code $.Statement[1].Condition.StringEquals.kms:CallerAccount}. */
public final class JsonPaths {
    public static final String ROOT = "$";

    private JsonPaths() {}

    /** The path of member {@code name} of the object at {@code parent}; unusual names use {@code ['...']}. */
    public static String member(String parent, String name) {
        return plain(name) ? parent + "." + name
                : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static boolean plain(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '.' || c == '[' || c == ']' || c == '\'' || c == '"' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
