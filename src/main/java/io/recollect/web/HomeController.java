package io.recollect.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what this person's work is and where to do it. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
