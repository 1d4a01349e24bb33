"""The pages, one module each: `stories` (the list), `story` (side by side, with the uploads in
progress), `statement`, `article` (reading and line corrections), `overview`, `upload`,
`story_edit` (rename, delete) and `export` (a story as JSON)."""
