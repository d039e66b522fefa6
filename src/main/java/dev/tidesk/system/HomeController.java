package dev.tidesk.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where clients and staff sign in. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "system/home";
    }
}
