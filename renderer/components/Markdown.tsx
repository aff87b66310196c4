// Model text as markdown: raw HTML shows as text, links and images are not followed or loaded. Renderer.
import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/** A remark plugin: HTML in the model's text (e.g. "<button>") is shown as the text it is. */
function htmlAsText() {
  const visit = (node: MarkdownNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(visit);
  };
  return (tree: MarkdownNode) => visit(tree);
}

const COMPONENTS: Components = {
  a: ({ children }) => <span className="markdown-link">{children}</span>,
  img: ({ alt }) => <span>{alt}</span>,
};

const PLUGINS = [htmlAsText];

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={PLUGINS} components={COMPONENTS} skipHtml={false}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
