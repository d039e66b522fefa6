package dev.tidesk;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/** Web tests through MockMvc on the real application and a real PostgreSQL; logins go through the login forms. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WebTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ApplicationContext context;

    protected TestData data;

    @BeforeEach
    void testData() {
        data = new TestData(context);
    }

    protected MockHttpSession portalLogin(String login) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/portal/login").user(login).password(TestData.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    protected MockHttpSession deskLogin(String login) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/desk/login").user(login).password(TestData.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }
}
