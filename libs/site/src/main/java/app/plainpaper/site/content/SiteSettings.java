package app.plainpaper.site.content;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Site-wide settings. Everything that varies between environments lives here, so rendering needs no clock,
 * default locale or default time zone.
 *
 * @param baseUrl           absolute origin used for canonical URLs, feed and sitemap, e.g. {@code http://localhost:8080}
 * @param siteName          shown in the header, titles, feed
 * @param tagline           one-line mission shown on the home page and in the footer
 * @param description       longer description for the footer and meta tags
 * @param contactEmail      shown on the contact page
 * @param pageSize          summaries per listing page (category pages, latest research)
 * @param homeLatestCount   summaries shown on the home page
 * @param feedSize          entries in the Atom feed
 * @param zone              zone in which instants become calendar dates
 * @param launchYear        copyright year when there is no content yet
 * @param disclaimerVersion shown on the disclaimer page and linked from every summary, e.g. "v1"
 */
public record SiteSettings(
        String baseUrl,
        String siteName,
        String tagline,
        String description,
        String contactEmail,
        int pageSize,
        int homeLatestCount,
        int feedSize,
        ZoneId zone,
        int launchYear,
        String disclaimerVersion) {

    public static final String DEFAULT_NAME = "Spinal Cord Research Help";
    public static final String DEFAULT_TAGLINE =
            "Making Spinal Cord Injury (SCI) Research Accessible to Everyone.";
    public static final String DEFAULT_DESCRIPTION = "Simplified summaries of the latest research, designed for "
            + "patients, caregivers and anybody who's interested.";

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    public SiteSettings {
        baseUrl = checkBaseUrl(baseUrl);
        requireText(siteName, "siteName");
        requireText(tagline, "tagline");
        requireText(description, "description");
        requireText(contactEmail, "contactEmail");
        requireText(disclaimerVersion, "disclaimerVersion");
        if (pageSize < 1 || homeLatestCount < 1 || feedSize < 1) {
            throw new IllegalArgumentException("pageSize, homeLatestCount and feedSize must be at least 1");
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
    }

    /** The site's usual settings: 20 per page, 10 on the home page, 50 in the feed, UTC, disclaimer v1. */
    public static SiteSettings defaults(String baseUrl, String contactEmail) {
        return new SiteSettings(baseUrl, DEFAULT_NAME, DEFAULT_TAGLINE, DEFAULT_DESCRIPTION, contactEmail,
                20, 10, 50, ZoneId.of("UTC"), 2025, "v1");
    }

    public SiteSettings withPageSize(int size) {
        return new SiteSettings(baseUrl, siteName, tagline, description, contactEmail, size, homeLatestCount,
                feedSize, zone, launchYear, disclaimerVersion);
    }

    public SiteSettings withZone(ZoneId newZone) {
        return new SiteSettings(baseUrl, siteName, tagline, description, contactEmail, pageSize, homeLatestCount,
                feedSize, newZone, launchYear, disclaimerVersion);
    }

    /** Absolute URL for a site path such as {@code /research/x/}. */
    public String absolute(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("site path must start with '/': " + path);
        }
        return baseUrl + path;
    }

    /** "July 8, 2022", always in English. */
    public String displayDate(LocalDate date) {
        return DISPLAY.format(date);
    }

    public String displayDate(Instant instant) {
        return displayDate(localDate(instant));
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static String checkBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl '" + url + "' is not a URI", e);
        }
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || trimmed.contains("\"") || trimmed.contains("<")) {
            throw new IllegalArgumentException(
                    "baseUrl '" + url + "' must be an absolute http(s) URL without query or fragment");
        }
        return trimmed;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
