package app.plainpaper.site.markup;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkupTest {

    @Test
    void escapesTheFiveSpecialCharactersAndDropsForbiddenOnes() {
        assertThat(Markup.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Markup.escape("a\u0000b\u0007c\u0085d\uFFFEe\tf\ng")).isEqualTo("abcde\tf\ng");
        assertThat(Markup.escape("lone \uD800 surrogate, pair \uD83D\uDE00")).isEqualTo("lone  surrogate, pair \uD83D\uDE00");
        assertThat(Markup.escape(null)).isEmpty();
    }

    @Test
    void htmlWriterEscapesTextAndAttributesAndChecksNames() {
        String html = new Html().element("a", "<b>", "href", "\"><x", "title", null).toString();
        assertThat(html).isEqualTo("<a href=\"&quot;&gt;&lt;x\">&lt;b&gt;</a>");
        assertThatThrownBy(() -> new Html().open("a onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("a", "on click", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("a", "href")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonIsSafeInsideAScriptElement() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "</script><!-- \u2028 \"q\" \\ \n");
        value.put("list", List.of(1, true, "a/b"));
        value.put("none", null);
        assertThat(Json.write(value, false)).isEqualTo(
                "{\"text\":\"<\\/script>\\u003c!-- \\u2028 \\\"q\\\" \\\\ \\n\",\"list\":[1,true,\"a/b\"],\"none\":null}");
        assertThat(Json.write(Map.of("k", "\uDC00"), false)).isEqualTo("{\"k\":\"\\udc00\"}");
        assertThat(Json.write(List.of(), true)).isEqualTo("[]\n");
    }
}
