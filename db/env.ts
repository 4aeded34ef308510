/** Loads `.env` from the working directory into process.env if the file exists. */
export function loadEnvFile(file = ".env"): void {
  try {
    process.loadEnvFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
