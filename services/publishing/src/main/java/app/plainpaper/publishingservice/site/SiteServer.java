package app.plainpaper.publishingservice.site;

import app.plainpaper.site.serve.StaticSite;
import com.sun.net.httpserver.HttpHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** Serves the live site's current folder locally (nginx serves the same folder in docker-compose). */
public class SiteServer implements InitializingBean, DisposableBean {

    private final Path siteRoot;
    private final int port;
    private final List<Endpoint> endpoints;
    private StaticSite.Running running;

    /** A public endpoint served on the site's own origin next to the pages, such as {@code /api/feedback}. */
    public record Endpoint(String path, HttpHandler handler) {
    }

    public SiteServer(Path siteRoot, int port) {
        this(siteRoot, port, List.of());
    }

    public SiteServer(Path siteRoot, int port, List<Endpoint> endpoints) {
        this.siteRoot = siteRoot;
        this.port = port;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public void afterPropertiesSet() {
        try {
            running = StaticSite.start(siteRoot, new InetSocketAddress(port), 4);
            endpoints.forEach(endpoint -> running.server().createContext(endpoint.path(), endpoint.handler()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the site on port " + port, e);
        }
    }

    public int port() {
        return running.port();
    }

    @Override
    public void destroy() {
        if (running != null) {
            running.close();
        }
    }
}
