package app.plainpaper.publishingservice.kafka;

import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.site.LiveSite;
import app.plainpaper.publishingservice.site.SiteServer;
import app.plainpaper.site.content.SiteSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.file.Path;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /** Rebuilt from the publishing events (published, unpublished, retracted) on start, then rendered once, so the site always matches the log. */
    @Bean
    LiveSite liveSite(ConsumerFactory<?, ?> consumers, @Value("${plainpaper.site.base-url}") String baseUrl,
            @Value("${plainpaper.site.contact-email}") String contactEmail, @Value("${plainpaper.data-dir}") Path dataDir,
            @Value("${plainpaper.disclaimer.version}") String disclaimerVersion) {
        SiteSettings defaults = SiteSettings.defaults(baseUrl, contactEmail);
        SiteSettings settings = new SiteSettings(defaults.baseUrl(), defaults.siteName(), defaults.tagline(),
                defaults.description(), defaults.contactEmail(), defaults.pageSize(), defaults.homeLatestCount(),
                defaults.feedSize(), defaults.zone(), defaults.launchYear(), disclaimerVersion);
        var site = new LiveSite(settings, dataDir.resolve("site"));
        SiteRebuild.replay(consumers).forEach(site::remember);
        site.render();
        return site;
    }

    @Bean
    SiteRebuild siteRebuild(LiveSite site, ConsumerFactory<?, ?> consumers) {
        return new SiteRebuild(site, consumers);
    }

    @Bean
    WithdrawalListener withdrawalListener(LiveSite site) {
        return new WithdrawalListener(site);
    }

    @Bean
    SiteServer siteServer(LiveSite site, @Value("${plainpaper.site.port}") int port,
            ObjectProvider<SiteServer.Endpoint> endpoints) {
        return new SiteServer(site.siteRoot(), port, endpoints.orderedStream().toList());
    }

    @Bean
    PublishingListener publishingListener(LiveSite site, ConsumerFactory<?, ?> consumers, EventSuccession succession,
            KafkaTemplate<Object, Object> kafka) {
        return new PublishingListener(site, new StageStep(HandledInputs.rebuiltFrom(consumers, List.of(Topics.PUBLISHED)), kafka), succession);
    }
}
