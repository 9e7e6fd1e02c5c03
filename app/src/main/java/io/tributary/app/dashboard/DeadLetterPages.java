package io.tributary.app.dashboard;

import io.tributary.app.deadletter.DeadLetters;
import io.tributary.app.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Dead letters: the events read models set aside, each with a retry and an evict button. */
@Controller
class DeadLetterPages {

    private static final String PAGE = "/dashboard/dead-letters";

    private final DeadLetters deadLetters;

    DeadLetterPages(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String outcome, Model model) {
        model.addAttribute("letters", deadLetters.list());
        model.addAttribute("outcome", outcome);
        model.addAttribute("active", "dead-letters");
        return "dashboard/dead-letters";
    }

    @PostMapping(PAGE + "/{id}/retry")
    String retry(@PathVariable String id) {
        boolean handled = deadLetters.retry(id).orElseThrow(() -> notFound(id));
        return "redirect:" + PAGE + "?outcome=" + (handled ? "handled" : "failed-again");
    }

    @PostMapping(PAGE + "/{id}/evict")
    String evict(@PathVariable String id) {
        if (!deadLetters.evict(id)) {
            throw notFound(id);
        }
        return "redirect:" + PAGE + "?outcome=evicted";
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "id", "no dead letter " + id);
    }
}
