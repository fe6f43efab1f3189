package io.recollect.dunning;

import java.util.Set;
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

    private MailText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        append(Jsoup.parse(html).body(), out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            String words = text.text().replaceAll("\\s+", " ");
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
