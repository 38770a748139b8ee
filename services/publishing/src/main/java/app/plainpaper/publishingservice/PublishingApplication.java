package app.plainpaper.publishingservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PublishingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }
}
