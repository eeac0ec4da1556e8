; Inno Setup 6.3+ script (x64compatible): the Windows installer of the 苏青U+ 工作台 bundle.
; UNTESTED: written on Linux, never compiled or run on Windows yet (docs/installers.md).
;
; On a Windows build machine, from the checkout's root:
;   .venv\Scripts\python build_scripts\build_bundle.py --self-test
;   iscc /DAppVersion=0.1.0 build_scripts\windows\suqing-workbench.iss
; gives dist\suqing-workbench-0.1.0-setup.exe. The version must be pyproject.toml's (the bundle's
; archive name carries it too). Provincial IT installs silently with
;   suqing-workbench-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; and presets settings in %ProgramData%\SuqingWorkbench\deployment.ini (README, "Deployment
; settings"), or ships a deployment.ini placed beside this script, installed beside the .exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z build_scripts\windows\suqing-workbench.iss
#endif
#define AppName "苏青U+ 工作台"
#define AppExe "suqing-workbench.exe"
#define Bundle "..\..\dist\suqing-workbench"

[Setup]
; The AppId ties upgrades to earlier installs: never change it.
AppId={{6F1B0E52-3C41-4E0B-9B7A-5A3E2C8D7F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=共青团江苏省委员会
VersionInfoVersion={#AppVersion}
; Per machine, in Program Files: only administrators can change the program or the
; deployment.ini beside it (a locked setting must stay locked).
PrivilegesRequired=admin
DefaultDirName={autopf}\SuqingWorkbench
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; QtWebEngine (Chromium) needs Windows 10 or later.
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=suqing-workbench-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
; A running workbench holds its files: ask to close it rather than install half.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Simplified Chinese officially: put the community translation
; (ChineseSimplified.isl, jrsoftware.org/files/istrans/) into the compiler's Languages folder and
; uncomment this line, so the wizard speaks Chinese.
; Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program whole: files an older version had and this one has not must
; not stay behind in _internal. The user's data is elsewhere (%LOCALAPPDATA%\SuqingU\
; SuqingWorkbench: the database, its unsent work, settings, logs) and is never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; IT's presets, when the build machine has one beside this script; an existing one is kept.
Source: "deployment.ini"; DestDir: "{app}"; Flags: skipifsourcedoesntexist onlyifdoesntexist

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
