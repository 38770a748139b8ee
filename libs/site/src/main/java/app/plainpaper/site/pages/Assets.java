package app.plainpaper.site.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The site's CSS and JavaScript, served under names that carry a hash of their content
 * ({@code /assets/site.3f2a….css}) so they can be cached forever and a new version gets a new URL.
 */
public final class Assets {

    /** A static asset: its URL path and bytes. */
    public record Asset(String path, byte[] content) {
    }

    private final Asset siteCss;
    private final Asset printCss;
    private final Asset formsJs;
    private final Asset searchJs;

    private Assets(Asset siteCss, Asset printCss, Asset formsJs, Asset searchJs) {
        this.siteCss = siteCss;
        this.printCss = printCss;
        this.formsJs = formsJs;
        this.searchJs = searchJs;
    }

    public static Assets load() {
        return new Assets(asset("site", "css"), asset("print", "css"), asset("forms", "js"), asset("search", "js"));
    }

    public String siteCss() {
        return siteCss.path();
    }

    public String printCss() {
        return printCss.path();
    }

    public String formsJs() {
        return formsJs.path();
    }

    public String searchJs() {
        return searchJs.path();
    }

    public List<Asset> all() {
        return List.of(siteCss, printCss, formsJs, searchJs);
    }

    /** The stylesheet text (for tests that check the palette). */
    public String siteCssText() {
        return new String(siteCss.content(), StandardCharsets.UTF_8);
    }

    private static Asset asset(String name, String extension) {
        String resource = "/app/plainpaper/site/assets/" + name + "." + extension;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return new Asset("/assets/" + name + "." + fingerprint(bytes) + "." + extension, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
