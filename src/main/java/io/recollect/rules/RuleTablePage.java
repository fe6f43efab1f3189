package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's page: tables, history, upload with per-cell errors, simulation, activation,
 * the challenger and its arms compared, audit trail.
 */
@Controller
@RequestMapping("/rule-tables")
class RuleTablePage {

    private final RuleTableService tables;
    private final RuleTableSimulations simulations;
    private final RuleTableChallenges challenges;
    private final ArmComparisons arms;
    private final ObjectMapper json;

    RuleTablePage(RuleTableService tables, RuleTableSimulations simulations, RuleTableChallenges challenges,
            ArmComparisons arms, ObjectMapper json) {
        this.tables = tables;
        this.simulations = simulations;
        this.challenges = challenges;
        this.arms = arms;
        this.json = json;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tables", tables.tables());
        return "rules/tables";
    }

    @GetMapping("/{name}")
    String table(@PathVariable String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("versions", tables.versions(name));
        model.addAttribute("events", tables.trail(name));
        model.addAttribute("simulatable", CollectionPathTable.NAME.equals(name));
        model.addAttribute("challengeable", CollectionPathTable.NAME.equals(name));
        model.addAttribute("segments", RuleWords.fields(io.recollect.rules.internal.Segments.class).stream().sorted().toList());
        List<ChallengerView> history = challenges.history(name);
        model.addAttribute("challenger", history.stream().filter(ChallengerView::running).findFirst().orElse(null));
        model.addAttribute("challengers", history);
        if (!history.isEmpty()) {
            try {
                model.addAttribute("arms", arms.compare(name, from, to));
            } catch (InvalidFieldException badPeriod) {
                model.addAttribute("armsFailure", badPeriod.getMessage());
                model.addAttribute("arms", arms.compare(name, null, null));
            }
        }
        return "rules/table";
    }

    private String table(String name, Model model) {
        return table(name, null, null, model);
    }

    @PostMapping("/{name}/versions/{id}/challenger")
    String challenge(@PathVariable String name, @PathVariable UUID id, @RequestParam(required = false) Integer share,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            if (share == null) {
                throw new InvalidFieldException("share", "Say which share of the accounts the challenger decides, in percent");
            }
            ChallengerView started = challenges.start(name, id, share, segment, comment);
            redirect.addFlashAttribute("flash", "Version " + started.sha256().substring(0, 12) + " now decides "
                    + started.sharePercent() + " % of " + (started.segment() == null ? "the accounts"
                    : "the " + started.segment() + " accounts") + " on every node, from their next decision.");
        } catch (BusinessRuleException | InvalidFieldException refused) {
            redirect.addFlashAttribute("failure", refused.getMessage());
        }
        return "redirect:/rule-tables/" + name;
    }

    @PostMapping("/{name}/challenger/end")
    String endChallenger(@PathVariable String name, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            challenges.end(name, comment);
            redirect.addFlashAttribute("flash", "The challenger ended: the active version decides every account again.");
        } catch (BusinessRuleException | NotFoundException refused) {
            redirect.addFlashAttribute("failure", refused.getMessage());
        }
        return "redirect:/rule-tables/" + name;
    }

    @GetMapping("/{name}/versions/{id}/content")
    ResponseEntity<byte[]> download(@PathVariable String name, @PathVariable UUID id) {
        RuleTableVersionView version = tables.version(name, id);
        return ResponseEntity.ok().contentType(RuleTableController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + version.sha256().substring(0, 12) + ".xlsx").build().toString())
                .body(tables.content(name, id));
    }

    @PostMapping("/{name}/versions")
    String upload(@PathVariable String name, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "comment", required = false) String comment, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            RuleTableVersionView version = tables.upload(name, file.getBytes(), comment);
            if (version.status() == RuleTableStatus.REJECTED) {
                model.addAttribute("rejected", version);
                return table(name, model);
            }
            redirect.addFlashAttribute("flash", "Uploaded: the version passed every check. Simulate it, then ask"
                    + " another manager to activate it.");
        } catch (RuleTableRefusedException refused) {
            model.addAttribute("refused", refused.getMessage());
            return table(name, model);
        }
        return "redirect:/rule-tables/" + name;
    }

    @PostMapping("/{name}/versions/{id}/simulations")
    String simulate(@PathVariable String name, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return "redirect:/rule-tables/" + name + "/simulations/" + simulations.start(name, id).id();
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("failure", refused.getMessage());
            return "redirect:/rule-tables/" + name;
        }
    }

    @GetMapping("/{name}/simulations/{simulationId}")
    String simulation(@PathVariable String name, @PathVariable UUID simulationId,
            @RequestParam(defaultValue = "0") int page, Model model) throws JsonProcessingException {
        SimulationView simulation = simulations.get(name, simulationId, page, 50);
        model.addAttribute("name", name);
        model.addAttribute("simulation", simulation);
        model.addAttribute("version", tables.version(name, simulation.versionId()));
        model.addAttribute("matrixJson", simulation.result() == null ? "{}" : json.writeValueAsString(simulation.result().matrix()));
        return "rules/simulation";
    }

    /** The progress row alone, for htmx to poll; once the simulation is over, htmx reloads the whole page. */
    @GetMapping("/{name}/simulations/{simulationId}/progress")
    String progress(@PathVariable String name, @PathVariable UUID simulationId, Model model,
            HttpServletResponse response) {
        SimulationView simulation = simulations.get(name, simulationId, 0, 0);
        if (!"RUNNING".equals(simulation.status())) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("name", name);
        model.addAttribute("simulation", simulation);
        return "rules/simulation :: progress";
    }

    @PostMapping("/{name}/versions/{id}/activation")
    String activate(@PathVariable String name, @PathVariable UUID id,
            @RequestParam(name = "comment", required = false) String comment,
            @RequestParam(name = "confirm", required = false) String confirm, RedirectAttributes redirect) {
        if (confirm == null) {
            redirect.addFlashAttribute("failure", "Tick the confirmation box to activate the version.");
            return "redirect:/rule-tables/" + name;
        }
        try {
            RuleTableVersionView active = tables.activate(name, id, comment);
            redirect.addFlashAttribute("flash", "Version " + active.sha256().substring(0, 12)
                    + " is now active on every node; the next decisions cite it.");
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("failure", refused.getMessage());
        }
        return "redirect:/rule-tables/" + name;
    }
}
