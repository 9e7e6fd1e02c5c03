package io.tributary.app.dashboard;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.oauth.MarketingOAuth;
import io.tributary.app.marketing.oauth.OAuthFailure;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Connect" on the marketing page: leaves for the platform's consent page, takes the callback (state checked, code
 * redeemed), shows the ad accounts the login sees, and makes the picked ones marketing sources; or replaces one
 * source's credentials ("Reconnect"). The pages name a grant by its random id and never show a token.
 */
@Controller
class MarketingOAuthPages {

    private static final String BACK = "redirect:/dashboard/marketing";

    private final MarketingOAuth oauth;

    MarketingOAuthPages(MarketingOAuth oauth) {
        this.oauth = oauth;
    }

    /**
     * Answers a page that sends the browser on to the platform (a redirect would be blocked: the dashboard's
     * Content-Security-Policy allows forms to submit to its own origin only, redirects included).
     */
    @PostMapping("/dashboard/marketing/oauth/{platform}/start")
    String start(@PathVariable String platform, @RequestParam(name = "replace", required = false) String replace,
                 HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            AdPlatform adPlatform = platform(platform);
            model.addAttribute("leaveTo", oauth.start(adPlatform, request.getSession().getId(), blankToNull(replace),
                    baseUrl()).toString());
            model.addAttribute("platformLabel", MarketingOAuth.label(adPlatform));
            model.addAttribute("active", "marketing");
            return "dashboard/marketing-oauth";
        } catch (OAuthFailure failure) {
            redirect.addFlashAttribute("formError", failure.getMessage());
            return BACK;
        }
    }

    @GetMapping("/dashboard/marketing/oauth/{platform}/callback")
    String callback(@PathVariable String platform, @RequestParam Map<String, String> parameters,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        model.addAttribute("active", "marketing");
        try {
            MarketingOAuth.Callback callback = oauth.callback(platform(platform), parameters,
                    request.getSession().getId(), baseUrl());
            if (callback.replacedSourceId() != null) {
                redirect.addFlashAttribute("notice", "Credentials replaced through " + MarketingOAuth.label(callback.platform())
                        + "; the source may sync again.");
                return BACK;
            }
            model.addAttribute("platformLabel", MarketingOAuth.label(callback.platform()));
            model.addAttribute("grantId", callback.grantId());
            model.addAttribute("accounts", callback.accounts());
        } catch (OAuthFailure failure) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("oauthError", failure.getMessage());
        }
        return "dashboard/marketing-oauth";
    }

    @PostMapping("/dashboard/marketing/oauth/grants/{grantId}")
    String connect(@PathVariable String grantId, @RequestParam(name = "account", required = false) List<String> accounts,
                   HttpServletRequest request, RedirectAttributes redirect) {
        try {
            List<String> created = oauth.connect(grantId, request.getSession().getId(), accounts);
            redirect.addFlashAttribute("notice", "Connected " + created.size() + " ad account"
                    + (created.size() == 1 ? "" : "s") + ". The first sync pulls the trailing window; Sync now starts it at once.");
        } catch (OAuthFailure failure) {
            redirect.addFlashAttribute("formError", failure.getMessage());
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", "The ad accounts were not connected.");
            redirect.addFlashAttribute("formErrors", SourceForms.messages(problem));
        }
        return BACK;
    }

    private static AdPlatform platform(String wireName) {
        for (AdPlatform platform : AdPlatform.values()) {
            if (platform.wireName().equals(wireName.toLowerCase(Locale.ROOT))) {
                return platform;
            }
        }
        throw new OAuthFailure("There is no ad platform " + wireName + ": meta, google or tiktok.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
