package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

import io.recollect.shared.BusinessRuleException;
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

/** The manager's page: tables, history, upload with per-cell errors, simulation, activation, audit trail. */
@Controller
@RequestMapping("/rule-tables")
class RuleTablePage {

    private final RuleTableService tables;
    private final RuleTableSimulations simulations;
    private final ObjectMapper json;

    RuleTablePage(RuleTableService tables, RuleTableSimulations simulations, ObjectMapper json) {
        this.tables = tables;
        this.simulations = simulations;
        this.json = json;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tables", tables.tables());
        return "rules/tables";
    }

    @GetMapping("/{name}")
    String table(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("versions", tables.versions(name));
        model.addAttribute("events", tables.trail(name));
        model.addAttribute("simulatable", CollectionPathTable.NAME.equals(name));
        return "rules/table";
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
