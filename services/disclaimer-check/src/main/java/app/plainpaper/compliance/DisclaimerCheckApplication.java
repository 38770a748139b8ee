package app.plainpaper.compliance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DisclaimerCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisclaimerCheckApplication.class, args);
    }
}
