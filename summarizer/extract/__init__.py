"""HTML -> article: parse once, read the page's metadata, prune furniture, find the main
content, and turn it into sections of paragraphs under their subheadings."""
