package org.oreka.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupAndQuotesAreEscapedAndNullIsEmpty() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", Html.escape("<script>alert('x')</script>"));
        assertEquals("&quot; onmouseover=&quot;x", Html.escape("\" onmouseover=\"x"));
        assertEquals("Tom &amp; Jerry &amp;amp;", Html.escape("Tom & Jerry &amp;"));
        assertEquals("", Html.escape(null));
        assertEquals("42", Html.escape(42));
        assertEquals("5001 é ☎", Html.escape("5001 é ☎"));
    }
}
