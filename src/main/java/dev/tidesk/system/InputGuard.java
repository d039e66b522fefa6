package dev.tidesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses form input that no browser types and PostgreSQL cannot store: a NUL character in any field
 * or file name. The request gets the 400 page ({@link ErrorPages}) instead of failing at the database.
 */
class InputGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw new ErrorPages.BadInput("NUL in a parameter name");
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new ErrorPages.BadInput("NUL in " + parameter.getKey());
                }
            }
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (MultipartFile file : multipart.getFileMap().values()) {
                String name = file.getOriginalFilename();
                if (name != null && name.indexOf('\0') >= 0) {
                    throw new ErrorPages.BadInput("NUL in a file name");
                }
            }
        }
        return true;
    }
}
