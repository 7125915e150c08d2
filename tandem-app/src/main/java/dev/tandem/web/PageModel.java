package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: who is signed in and the request path, so the navigation can
 * mark the current section. (Exception handlers do not get these; {@link PageErrors} adds them itself.)
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final PageLinks pageLinks;
    private final Dates dates;

    PageModel(PageLinks pageLinks, Dates dates) {
        this.pageLinks = pageLinks;
        this.dates = dates;
    }

    /**
     * The helpers go into the model rather than being called as beans ({@code @pageLinks}): Thymeleaf
     * refuses bean references in {@code th:href} and {@code th:attr}, where these are needed most.
     */
    @ModelAttribute("pageLinks")
    PageLinks pageLinks() {
        return pageLinks;
    }

    @ModelAttribute("dates")
    Dates dates() {
        return dates;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.current();
    }

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        return Navigation.section(request);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
