package app.plainpaper.accuracy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AccuracyReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccuracyReviewApplication.class, args);
    }
}
