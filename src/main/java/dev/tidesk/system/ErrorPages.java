package dev.tidesk.system;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.DateTimeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Turns errors into pages people can read, in their language: a broken rule goes back to the form
 * with its message, something missing (or not theirs) is a 404 page, and input no form of ours sends
 * (a number out of range, an unknown choice, a missing field) is a 400 page, never a 500.
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
        String back = sameOriginPath(request.getHeader("Referer"), request);
        if ("POST".equals(request.getMethod()) && back != null) {
            RequestContextUtils.getOutputFlashMap(request).put("error", text);
            // what was typed goes back with the error, so a refused reply or form is not lost
            RequestContextUtils.getOutputFlashMap(request).put("draft", draft(request));
            RedirectView redirect = new RedirectView(back, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        return page(HttpStatus.UNPROCESSABLE_ENTITY, text);
    }

    /** The form's text fields as typed, without secrets (passwords, tokens) and at most 200,000 characters each. */
    static java.util.Map<String, String> draft(HttpServletRequest request) {
        java.util.Map<String, String> draft = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (values.length == 1
                    && !lower.contains("password")
                    && !lower.contains("token")
                    && !lower.startsWith("_")) {
                String v = values[0];
                draft.put(name, v.length() > 200_000 ? v.substring(0, 200_000) : v);
            }
        });
        return draft;
    }

    /**
     * The path (and query) of {@code referer} when it is a page of this very site, else null: a
     * redirect after a failed form goes back to where the form was, never to another site.
     */
    static String sameOriginPath(String referer, HttpServletRequest request) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            boolean same = uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
            String path = uri.getRawPath();
            if (!same || path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, text("error.not-found"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView noResource(Exception e) {
        return page(HttpStatus.NOT_FOUND, text("error.not-found"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, text("error.upload.too-large"));
    }

    /** Input no page of ours sends: a letter for a number, an unknown choice, a field missing, a date out of range. */
    @ExceptionHandler({
        TypeMismatchException.class,
        MissingServletRequestParameterException.class,
        ServletRequestBindingException.class,
        BindException.class,
        HandlerMethodValidationException.class,
        HttpMessageNotReadableException.class,
        MultipartException.class,
        DateTimeException.class,
        NumberFormatException.class,
        BadInput.class
    })
    ModelAndView badInput(Exception e) {
        return page(HttpStatus.BAD_REQUEST, text("error.bad-request"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, text("error.bad-request"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        return page(
                status,
                text(
                        status == HttpStatus.NOT_FOUND
                                ? "error.not-found"
                                : status == HttpStatus.FORBIDDEN ? "error.forbidden" : "error.bad-request"));
    }

    private ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("system/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** Thrown by the request filter for input that can't be stored (a NUL character). */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
