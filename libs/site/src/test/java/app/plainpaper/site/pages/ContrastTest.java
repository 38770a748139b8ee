package app.plainpaper.site.pages;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** WCAG 2.2 contrast for the palette the stylesheet defines: 4.5:1 for text, 3:1 for borders and focus rings. */
class ContrastTest {

    private final Map<String, String> palette = palette(Assets.load().siteCssText());

    @Test
    void textColoursReachFourPointFiveToOne() {
        String[][] textPairs = {
                {"text", "bg"}, {"text", "surface"}, {"muted", "bg"}, {"muted", "surface"},
                {"link", "bg"}, {"link", "surface"}, {"link-visited", "bg"}, {"link-visited", "surface"},
                {"brand-text", "brand-bg"}, {"button-text", "button-bg"}, {"tag-text", "tag-bg"},
                {"notice-text", "notice-bg"}, {"alert-text", "alert-bg"}, {"link", "tag-bg"}};
        for (String[] pair : textPairs) {
            assertThat(ratio(pair[0], pair[1])).as(pair[0] + " on " + pair[1]).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void componentColoursReachThreeToOne() {
        String[][] pairs = {{"border", "bg"}, {"border", "surface"}, {"focus", "bg"}, {"focus", "surface"},
                {"brand-text", "brand-bg"}, {"notice-border", "notice-bg"}, {"alert-border", "alert-bg"}};
        for (String[] pair : pairs) {
            assertThat(ratio(pair[0], pair[1])).as(pair[0] + " on " + pair[1]).isGreaterThanOrEqualTo(3.0);
        }
    }

    private double ratio(String foreground, String background) {
        double a = luminance(palette.get(foreground));
        double b = luminance(palette.get(background));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        assertThat(hex).matches("#[0-9a-fA-F]{6}");
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    private static Map<String, String> palette(String css) {
        Matcher root = Pattern.compile(":root\\s*\\{([^}]*)}").matcher(css);
        assertThat(root.find()).isTrue();
        Map<String, String> colours = new HashMap<>();
        Matcher property = Pattern.compile("--([a-z-]+)\\s*:\\s*([^;]+);").matcher(root.group(1));
        while (property.find()) {
            colours.put(property.group(1), property.group(2).strip());
        }
        return colours;
    }
}
