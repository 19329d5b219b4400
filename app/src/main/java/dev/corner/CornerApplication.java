package dev.corner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Corner: one deployable modular monolith; each package below {@code dev.corner} is a module. */
@SpringBootApplication
@Modulithic(sharedModules = "common")
public class CornerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CornerApplication.class, args);
    }
}
