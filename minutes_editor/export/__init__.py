"""Writers from the intermediate form to output files (.docx); no Qt here."""
