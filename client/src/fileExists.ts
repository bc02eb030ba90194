import * as vscode from 'vscode';

/** Whether something exists at `uri`, through VS Code's file system (any scheme, also on the web). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
