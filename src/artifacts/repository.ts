/** Where the project is published: deploy buttons and metadata links point here. */
export const REPOSITORY_URL = 'https://github.com/incident-bridge/incident-bridge';
export const RAW_CONTENT_BASE =
  'https://raw.githubusercontent.com/incident-bridge/incident-bridge/main';

/** Deploy-to-Azure buttons for a template path in the repository (public and government). */
export function deployButtons(templatePath: string): string[] {
  const uri = encodeURIComponent(`${RAW_CONTENT_BASE}/${templatePath}`);
  return [
    `[![Deploy to Azure](https://aka.ms/deploytoazurebutton)](https://portal.azure.com/#create/Microsoft.Template/uri/${uri})`,
    `[![Deploy to Azure Gov](https://aka.ms/deploytoazuregovbutton)](https://portal.azure.us/#create/Microsoft.Template/uri/${uri})`,
  ];
}
