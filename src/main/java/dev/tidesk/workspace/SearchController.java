package dev.tidesk.workspace;

import dev.tidesk.ticket.RequestQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search box: TID, subject, contact, organization and the text of every message. */
@Controller
class SearchController {

    private final RequestQueries queries;

    SearchController(RequestQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/desk/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        var hits = queries.search(q, 50);
        if (hits.size() == 1 && hits.get(0).rank() == Double.MAX_VALUE) {
            return "redirect:/desk/requests/" + hits.get(0).ticket().tid();
        }
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        return "workspace/search";
    }
}
