package app.plainpaper.publishingservice.site;

import app.plainpaper.site.serve.StaticSite;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** Serves the live site's current folder locally (nginx serves the same folder in docker-compose). */
public class SiteServer implements InitializingBean, DisposableBean {

    private final Path siteRoot;
    private final int port;
    private StaticSite.Running running;

    public SiteServer(Path siteRoot, int port) {
        this.siteRoot = siteRoot;
        this.port = port;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            running = StaticSite.start(siteRoot, new InetSocketAddress(port), 4);
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
