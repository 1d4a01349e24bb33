"""The story overview, built from one load of the story's claims (`compare.story_claims`):
`build` (the whole overview), `coverage` (which outlet has which statement), `matrix_svg`
(the coverage matrix and outlet bars as SVG), `figures_table`, `quotes_table`, and their
helpers (`quantity_labels`, `speaker_names`, `wording`, `union_find`). No module queries the
database."""
