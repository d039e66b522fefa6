package dev.tidesk.system;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Turns errors into pages people can read: a broken rule goes back to the form with its message,
 * something missing (or not theirs) is a 404 page.
 */
@ControllerAdvice
@Order(0)
class ErrorPages {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
        String referer = request.getHeader("Referer");
        if ("POST".equals(request.getMethod()) && referer != null && referer.contains(request.getServerName())) {
            RequestContextUtils.getOutputFlashMap(request).put("error", text);
            RedirectView redirect = new RedirectView(referer, false);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        ModelAndView page = new ModelAndView("system/error");
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        page.addObject("status", 422);
        page.addObject("message", text);
        return page;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        ModelAndView page = new ModelAndView("system/error");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("message", messages.getMessage("error.not-found", null, LocaleContextHolder.getLocale()));
        return page;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        ModelAndView page = new ModelAndView("system/error");
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("status", 413);
        page.addObject("message", messages.getMessage("error.upload.too-large", null, LocaleContextHolder.getLocale()));
        return page;
    }
}
