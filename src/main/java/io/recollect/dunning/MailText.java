package io.recollect.dunning;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text alternative of an HTML email, derived from the rendered HTML so both parts
 * always say the same thing: paragraphs become blank-line separated, table rows lines of cells.
 */
final class MailText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "ul", "ol", "table", "dl");
    // compiled once: the run renders thousands of emails a batch
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MailText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        append(Jsoup.parse(html).body(), out);
        String text = TRAILING_BLANKS.matcher(out).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip() + "\n";
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            String words = WHITESPACE.matcher(text.text()).replaceAll(" ");
            if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                out.append(words);
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        switch (tag) {
            case "br" -> out.append('\n');
            case "tr" -> {
                out.append(String.join(" | ", element.children().stream().map(Element::text).toList())).append('\n');
                return;
            }
            case "li" -> out.append("- ");
            default -> {
            }
        }
        for (Node child : element.childNodes()) {
            append(child, out);
        }
        if (BLOCKS.contains(tag)) {
            out.append("\n\n");
        } else if (tag.equals("li") || tag.equals("dt") || tag.equals("dd")) {
            out.append('\n');
        }
    }
}
