package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * grid-bom has no parent (it would hand on Spring Boot's managed versions), so its
 * version and the versions it manages are copies of the root pom's: they must stay equal
 * to what grid-client is built and tested with.
 */
class BomVersionsTests {

    @Test
    void theBomManagesTheVersionsTheBuildUses() throws Exception {
        Element root = pom(Path.of("..", "pom.xml"));
        Element bom = pom(Path.of("..", "grid-bom", "pom.xml"));

        assertThat(text(bom, "version")).isEqualTo(text(root, "version"));
        for (String property : List.of("hazelcast.version", "lz4.version", "hdrhistogram.version")) {
            assertThat(text(bom, property)).as(property).isNotBlank().isEqualTo(text(root, property));
        }
    }

    private static Element pom(Path path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path.toFile()).getDocumentElement();
    }

    /**
     * The first element of that name, at any depth, whose parent is the project or its
     * properties.
     */
    private static String text(Element project, String name) {
        NodeList elements = project.getElementsByTagName(name);
        for (int i = 0; i < elements.getLength(); i++) {
            String parent = elements.item(i).getParentNode().getNodeName();
            if (parent.equals("project") || parent.equals("properties")) {
                return elements.item(i).getTextContent().strip();
            }
        }
        return "";
    }

}
