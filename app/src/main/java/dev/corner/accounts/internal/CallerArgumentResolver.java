package dev.corner.accounts.internal;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller take a {@link Caller} parameter (401 when nobody signed in) or an {@code
 * Optional<Caller>}, from a bearer token or a web session alike.
 */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class)
                || (parameter.getParameterType().equals(Optional.class)
                        && parameter.nested().getNestedParameterType().equals(Caller.class));
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        var caller = current();
        if (parameter.getParameterType().equals(Optional.class)) {
            return caller;
        }
        return caller.orElseThrow(
                () -> new CornerException(CornerException.Kind.UNAUTHORIZED, "UNAUTHENTICATED", "sign in first"));
    }

    private static Optional<Caller> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof Caller caller) {
            return Optional.of(caller);
        }
        if (principal instanceof WebSignIn.SignedInUser user) {
            return Optional.of(user.caller());
        }
        return Optional.empty();
    }
}
