package io.recollect.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The portfolio dashboard as a page and as JSON. */
@Controller
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String team, Model model) {
        model.addAttribute("dashboard", dashboard.compute(blankIsNone(team)));
        return "reporting/dashboard";
    }

    @GetMapping(path = "/api/dashboard", produces = "application/json")
    @ResponseBody
    Dashboard json(@RequestParam(required = false) String team) {
        return dashboard.compute(blankIsNone(team));
    }

    private static String blankIsNone(String team) {
        return team == null || team.isBlank() ? null : team.strip();
    }
}
