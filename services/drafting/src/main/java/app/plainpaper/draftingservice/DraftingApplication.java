package app.plainpaper.draftingservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DraftingApplication {

    public static void main(String[] args) {
        SpringApplication.run(DraftingApplication.class, args);
    }
}
