package app.plainpaper.pipeline;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Adds the shared pipeline defaults as the last property source, so that anything a service sets wins. */
public class PipelineDefaults implements EnvironmentPostProcessor {

    static final String NAME = "plainpaperPipelineDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var resource = new ClassPathResource("app/plainpaper/pipeline/pipeline-defaults.properties");
            environment.getPropertySources().addLast(new ResourcePropertySource(NAME, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
