; Packing Station — Windows installer (NSIS 3, Unicode). Compiles on Windows and on Linux:
;   makensis -WX -DVERSION=0.1.0 -DPAYLOAD=packaging/dist/PackingStation \
;            -DOUTFILE=packaging/dist/PackingStation-0.1.0-setup.exe packaging/installer.nsi
; (packaging/build.py does this.) Switches for IT:
;   /S              silent install (or uninstall)
;   /DESKTOP=1      with /S: also create a desktop shortcut (interactive installs offer a checkbox)
;   /D=C:\Path      install folder (must be last on the command line)
;   -DSIGN_COMMAND="signtool sign ... %1"   at compile time: sign setup.exe and uninstall.exe
; Upgrades install in place over an earlier version, in the folder it was installed to. Settings, the journal and keyring entries live
; in the user's profile (%LOCALAPPDATA%\PackingStation) and the Windows Credential Manager; neither
; the upgrade nor the uninstaller touches them.

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (packaging/build.py does)"
!endif
!ifndef PAYLOAD
  !error "Pass -DPAYLOAD=<folder of the frozen app> (packaging/build.py does)"
!endif
!ifndef OUTFILE
  !define OUTFILE "PackingStation-${VERSION}-setup.exe"
!endif

!define APP_NAME "Packing Station"
!define APP_ID "PackingStation"
!define PUBLISHER "Packing Station"
!define APP_EXE "PackingStation.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
; No InstallDirRegKey: NSIS reads it before .onInit, in the 32-bit registry view (setup.exe is a
; 32-bit program), while the key is written in the 64-bit view. .onInit reads it after SetRegView 64.
RequestExecutionLevel admin
; The app holds this named mutex while it runs (packaging/entry.py): its files are in use then.
!define RUNNING_MUTEX "PackingStation-Running"

!ifdef SIGN_COMMAND
  ; Sign setup.exe and the uninstaller it writes (the program files are signed before makensis).
  !finalize `${SIGN_COMMAND}`
  !uninstfinalize `${SIGN_COMMAND}`
!endif
SetCompressor /SOLID lzma
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP_NAME} ${VERSION}"

; Version resource of setup.exe itself (VIProductVersion needs four numbers).
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${PAYLOAD}\_internal\station\resources\icons\station.ico"
!define MUI_UNICON "${PAYLOAD}\_internal\station\resources\icons\station.ico"
!define MUI_ABORTWARNING
; "Start Packing Station" on the finish page: the installer runs elevated, and a program it starts
; directly would run elevated too (as the administrator who typed the password, with that user's
; profile and keyring). Explorer starts it instead, as the signed-in user, unelevated.
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"
!define MUI_FINISHPAGE_RUN_FUNCTION StartUnelevated

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "PortugueseBR"

Section "!${APP_NAME}" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade in place: remove the previous program files (never the user's data), then copy.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Versions before 0.1.1 put the shortcuts in the installing administrator's own Start menu.
  SetShellVarContext current
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME} (demo mode).lnk" "$INSTDIR\${APP_EXE}" "--demo"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "The packing station program (required)."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut on the desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Functions come after the sections so that the section index names exist.

; Stops (exit code 3 in silent mode) while the app runs: its files are in use and an upgrade
; would leave a mix of two versions. Interactive installs may retry after closing it.
!macro StopWhileRunning UN
Function ${UN}StopWhileRunning
  retry:
  ; SYNCHRONIZE (0x00100000): enough to see that the mutex exists.
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0'
  ${If} $0 <> 0
    System::Call 'kernel32::CloseHandle(p r0)'
    MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "Close ${APP_NAME}, then choose Retry." \
      /SD IDCANCEL IDRETRY retry
    SetErrorLevel 3
    Abort
  ${EndIf}
FunctionEnd
!macroend
!insertmacro StopWhileRunning ""
!insertmacro StopWhileRunning "un."

Function StartUnelevated
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${APP_EXE}"'
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  ; Program Files, HKLM and the shortcuts are the 64-bit, all-users ones (per-machine install).
  SetRegView 64
  SetShellVarContext all
  ; Upgrade where the earlier version is, unless /D= names a folder.
  ${If} $INSTDIR == "$PROGRAMFILES64\${APP_ID}"
    ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
  Call StopWhileRunning
  ; /DESKTOP=1 selects the desktop shortcut in silent installs.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DESKTOP=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 == "1"
    SectionSetFlags ${SecDesktop} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  Call un.StopWhileRunning
FunctionEnd

Section "Uninstall"
  ; Program files and shortcuts only. The user's settings, journal and keyring entries stay, so a
  ; reinstall finds them; IT removes %LOCALAPPDATA%\PackingStation by hand to wipe a PC.
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\station.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
