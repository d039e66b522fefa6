package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.Notices;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestTags;
import dev.tidesk.ticket.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search box: TID, subject, contact, organization and the text of every message; and tags. */
@Controller
class SearchController {

    private final RequestQueries queries;
    private final Notices notices;
    private final RequestTags tags;

    SearchController(RequestQueries queries, Notices notices, RequestTags tags) {
        this.queries = queries;
        this.notices = notices;
        this.tags = tags;
    }

    /**
     * The search list; {@code ?tag=} narrows it to the requests with that tag, closed ones included
     * (alone, it lists them newest first).
     */
    @GetMapping("/desk/search")
    String search(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String tag,
            Model model) {
        String onlyTag = DeskController.tagFilter(tag);
        List<SearchHit> hits;
        if (onlyTag == null) {
            hits = queries.search(q, 50);
            if (hits.size() == 1 && hits.get(0).rank() == Double.MAX_VALUE) {
                return "redirect:/desk/requests/" + hits.get(0).ticket().tid();
            }
        } else if (q.isBlank()) {
            hits = queries.tagged(onlyTag, 200).stream()
                    .map(t -> new SearchHit(t, 0))
                    .toList();
        } else {
            List<SearchHit> found = queries.search(q, 500);
            Map<Long, List<String>> tagged =
                    tags.of(found.stream().map(h -> h.ticket().id()).toList());
            hits = found.stream()
                    .filter(h -> tagged.getOrDefault(h.ticket().id(), List.of()).contains(onlyTag))
                    .limit(50)
                    .toList();
        }
        model.addAttribute("q", q);
        model.addAttribute("tag", onlyTag);
        model.addAttribute("hits", hits);
        // the same mark as on queue rows: the client wrote since this person last opened the request
        model.addAttribute(
                "unseen",
                me == null || me.staffId() == null
                        ? Set.of()
                        : notices.unseen(
                                me.staffId(),
                                hits.stream().map(h -> h.ticket().id()).toList()));
        model.addAttribute(
                "tagsByTicket", tags.of(hits.stream().map(h -> h.ticket().id()).toList()));
        return "workspace/search";
    }
}
