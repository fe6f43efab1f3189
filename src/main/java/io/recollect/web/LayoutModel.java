package io.recollect.web;

import io.recollect.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model carries its viewer, for the layout's header and navigation (JSON controllers ignore it). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return CurrentUser.get().map(Viewer::of).orElse(null);
    }
}
