package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.Notices;
import dev.tidesk.ticket.RequestQueries;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search box: TID, subject, contact, organization and the text of every message. */
@Controller
class SearchController {

    private final RequestQueries queries;
    private final Notices notices;

    SearchController(RequestQueries queries, Notices notices) {
        this.queries = queries;
        this.notices = notices;
    }

    @GetMapping("/desk/search")
    String search(@AuthenticationPrincipal TideskUser me, @RequestParam(defaultValue = "") String q, Model model) {
        var hits = queries.search(q, 50);
        if (hits.size() == 1 && hits.get(0).rank() == Double.MAX_VALUE) {
            return "redirect:/desk/requests/" + hits.get(0).ticket().tid();
        }
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        // the same mark as on queue rows: the client wrote since this person last opened the request
        model.addAttribute(
                "unseen",
                me == null || me.staffId() == null
                        ? Set.of()
                        : notices.unseen(
                                me.staffId(),
                                hits.stream().map(h -> h.ticket().id()).toList()));
        return "workspace/search";
    }
}
