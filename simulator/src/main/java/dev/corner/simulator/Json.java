package dev.corner.simulator;

/**
 * The little JSON a device needs: quoting a string, and reading one top-level field of a small
 * object without a parser library (firmware seldom has one).
 */
final class Json {

    private Json() {}

    static String quote(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A top-level string field, unescaped, or null when absent or not a string. */
    static String stringField(String json, String name) {
        var raw = rawValue(json, name);
        if (raw == null || !raw.startsWith("\"")) {
            return null;
        }
        var out = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** The text of a top-level field's value (string with its quotes, number, object…), or null. */
    static String rawValue(String json, String name) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                if (depth == 1 && json.substring(i + 1, end).equals(name)) {
                    int colon = skipSpace(json, end + 1);
                    if (colon < json.length() && json.charAt(colon) == ':') {
                        int start = skipSpace(json, colon + 1);
                        return json.substring(start, endOfValue(json, start));
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    private static int endOfValue(String json, int start) {
        char first = json.charAt(start);
        if (first == '"') {
            return endOfString(json, start) + 1;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (int i = start; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '"') {
                    i = endOfString(json, i);
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return json.length();
        }
        int i = start;
        while (i < json.length() && ",}] \n\r\t".indexOf(json.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The index of the quote that closes the string opened at {@code open}. */
    private static int endOfString(String json, int open) {
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return json.length() - 1;
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
