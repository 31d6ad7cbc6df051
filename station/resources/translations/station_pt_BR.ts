<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
    <context>
        <name>BoxPresetsPage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="295" />
            <source>Box presets</source>
            <translation>Caixas padrão</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="297" />
            <source>The carton sizes packers pick by scanning CMD:BOX:&lt;id&gt; on the command sheet. Edit these examples to match your boxes.</source>
            <translation>Os tamanhos de caixa que o embalador escolhe escaneando CMD:BOX:&lt;id&gt; na folha de comandos. Ajuste estes exemplos às suas caixas.</translation>
        </message>
    </context>
    <context>
        <name>BoxesPanel</name>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="70" />
            <source>'{part}' is not LINE=QTY</source>
            <translation>'{part}' não está no formato LINHA=QTD</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="76" />
            <source>'{part}' needs a line number and a quantity above zero</source>
            <translation>'{part}' precisa de um número de linha e de uma quantidade maior que zero</translation>
        </message>
        <message>
            <source>+ Next box</source>
            <translation type="vanished">+ Próxima caixa</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="215" />
            <source>+ Next box  [F8]</source>
            <translation>+ Outra caixa [F8]</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="92" />
            <source>Box {n}: {l} × {w} × {h} {unit}, {weight} {wunit}</source>
            <translation>Caixa {n}: {l} × {w} × {h} {unit}, {weight} {wunit}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="116" />
            <source>Boxes</source>
            <translation>Caixas</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="266" />
            <source>Choose one of: {ids}</source>
            <translation>Escolha uma destas: {ids}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="145" />
            <source>H</source>
            <translation>A</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="175" />
            <source>Holds</source>
            <translation>Contém</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="143" />
            <source>L</source>
            <translation>C</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="71" />
            <source>List what this box holds as LINE=QTY, e.g. 1=2, 2=1</source>
            <translation>Informe o conteúdo da caixa como LINHA=QTD, por exemplo 1=2, 2=1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="135" />
            <source>No box presets: type the dimensions (Settings › Box presets).</source>
            <translation>Nenhuma caixa padrão: digite as medidas (Configurações › Caixas padrão).</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="308" />
            <source>Scan a box barcode or type the {what}</source>
            <translation>Escaneie o código de uma caixa ou digite {what}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="165" />
            <source>Size</source>
            <translation>Medidas</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="307" />
            <source>The carton {what} is missing</source>
            <translation>Falta {what} da caixa</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="265" />
            <source>There is no box preset '{id}'</source>
            <translation>Não existe a caixa padrão '{id}'</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="144" />
            <source>W</source>
            <translation>L</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="330" />
            <source>Weigh the packed box and type its weight</source>
            <translation>Pese a caixa embalada e digite o peso dela</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="148" />
            <location filename="../../ui/widgets/boxes_panel.py" line="172" />
            <location filename="../../ui/widgets/boxes_panel.py" line="283" />
            <location filename="../../ui/widgets/boxes_panel.py" line="465" />
            <source>Weight</source>
            <translation>Peso</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="161" />
            <source>What this box holds as LINE=QTY; empty: everything else</source>
            <translation>O que esta caixa contém, como LINHA=QTD; vazio: todo o resto</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="55" />
            <source>asleep</source>
            <translation>adormecida</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="160" />
            <source>e.g. 1=2</source>
            <translation>ex.: 1=2</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="54" />
            <source>fault</source>
            <translation>falha</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="301" />
            <source>height</source>
            <translation>a altura</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="49" />
            <source>in motion</source>
            <translation>em movimento</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="299" />
            <source>length</source>
            <translation>o comprimento</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="53" />
            <source>needs calibration</source>
            <translation>precisa de calibração</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="52" />
            <source>needs re-zero</source>
            <translation>precisa zerar</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="51" />
            <source>over capacity</source>
            <translation>acima da capacidade</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="281" />
            <source>packed (box {tare})</source>
            <translation>embalada (caixa {tare})</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="47" />
            <source>stable</source>
            <translation>estável</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="50" />
            <source>under zero</source>
            <translation>abaixo de zero</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="56" />
            <source>unreadable</source>
            <translation>ilegível</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="302" />
            <source>weight</source>
            <translation>o peso</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="300" />
            <source>width</source>
            <translation>a largura</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="48" />
            <source>zero</source>
            <translation>zero</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="327" />
            <source>{weight} {unit} is what the empty box {name} weighs</source>
            <translation>{weight} {unit} é o peso da caixa {name} vazia</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="448" />
            <source>⚖ Scale asleep or off — press its power button, or type the weight</source>
            <translation>⚖ Balança adormecida ou desligada — aperte o botão de ligar ou digite o peso</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="453" />
            <source>⚖ Scale: {state} — not used</source>
            <translation>⚖ Balança: {state} — não usado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="446" />
            <source>⚖ Scale: {weight} (stable)</source>
            <translation>⚖ Balança: {weight} (estável)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="197" />
            <source>✎ Change</source>
            <translation>✎ Alterar</translation>
        </message>
        <message>
            <source>✔ Confirm shipment</source>
            <translation type="vanished">✔ Confirmar envio</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="216" />
            <source>✔ Confirm shipment  [F12]</source>
            <translation>✔ Confirmar envio  [F12]</translation>
        </message>
        <message>
            <source>✖ Cancel</source>
            <translation type="vanished">✖ Cancelar</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="219" />
            <source>✖ Cancel  [Esc]</source>
            <translation>✖ Cancelar [Esc]</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="198" />
            <source>✖ Remove</source>
            <translation>✖ Remover</translation>
        </message>
        <message>
            <source>⟳ Reprint</source>
            <translation type="vanished">⟳ Reimprimir</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/boxes_panel.py" line="218" />
            <source>⟳ Reprint  [F9]</source>
            <translation>⟳ Reimprimir [F9]</translation>
        </message>
    </context>
    <context>
        <name>CommandSheet</name>
        <message>
            <location filename="../../ui/command_sheet.py" line="86" />
            <source>BOX {name}</source>
            <translation>CAIXA {name}</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="74" />
            <source>CANCEL</source>
            <translation>CANCELAR</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="59" />
            <source>CONFIRM</source>
            <translation>CONFIRMAR</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="60" />
            <source>Confirm the shipment</source>
            <translation>Confirmar o envio</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="69" />
            <source>NEXT BOX</source>
            <translation>PRÓXIMA CAIXA</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="132" />
            <source>Packing Station — command sheet</source>
            <translation>Packing Station — folha de comandos</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="65" />
            <source>Print the label and slip again</source>
            <translation>Imprimir a etiqueta e a nota de conteúdo de novo</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="75" />
            <source>Put this order aside</source>
            <translation>Deixar este pedido de lado</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="64" />
            <source>REPRINT</source>
            <translation>REIMPRIMIR</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="70" />
            <source>Start another carton for this order</source>
            <translation>Começar outra caixa para este pedido</translation>
        </message>
    </context>
    <context>
        <name>CommandSheetDialog</name>
        <message>
            <location filename="../../ui/command_sheet.py" line="194" />
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="170" />
            <source>Command sheet</source>
            <translation>Folha de comandos</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="222" />
            <source>Command sheet sent to {uri}.</source>
            <translation>Folha de comandos enviada para {uri}.</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="214" />
            <source>Failed: {error}</source>
            <translation>Falhou: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="192" />
            <source>Print on the slip printer</source>
            <translation>Imprimir na impressora de notas</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="218" />
            <source>Printing the command sheet…</source>
            <translation>Imprimindo a folha de comandos…</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="193" />
            <source>Save as PDF…</source>
            <translation>Salvar como PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="231" />
            <source>Save the command sheet</source>
            <translation>Salvar a folha de comandos</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="247" />
            <source>Saved to {path}.</source>
            <translation>Salvo em {path}.</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="238" />
            <source>Saving…</source>
            <translation>Salvando…</translation>
        </message>
        <message>
            <location filename="../../ui/command_sheet.py" line="176" />
            <source>Scan these barcodes instead of pressing keys. Print the sheet and keep it next to the scanner. Box presets are taken from the settings.</source>
            <translation>Escaneie estes códigos de barras em vez de apertar teclas. Imprima a folha e deixe-a ao lado do leitor. As caixas padrão vêm das configurações.</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../ui/commands.py" line="76" />
            <source>Scan a box barcode from the command sheet, e.g. CMD:BOX:S.</source>
            <translation>Escaneie o código de uma caixa na folha de comandos, por exemplo CMD:BOX:S.</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="96" />
            <source>Scan the command from the station's command sheet.</source>
            <translation>Escaneie o comando na folha de comandos da estação.</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="75" />
            <source>The box command names no box preset</source>
            <translation>O comando de caixa não indica nenhuma caixa padrão</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="93" />
            <source>The command {command} takes nothing after it (got '{argument}')</source>
            <translation>O comando {command} não leva nada depois dele (veio '{argument}')</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="85" />
            <source>The presets are: {listed}. Reprint the command sheet after changes.</source>
            <translation>As caixas padrão são: {listed}. Reimprima a folha de comandos depois de alterá-las.</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="84" />
            <source>There is no box preset '{id}'</source>
            <translation>Não existe a caixa padrão '{id}'</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="66" />
            <source>Unknown command barcode '{text}'</source>
            <translation>Código de comando desconhecido '{text}'</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="67" />
            <source>Use a barcode from the station's command sheet ({known}).</source>
            <translation>Use um código da folha de comandos da estação ({known}).</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="82" />
            <source>none configured</source>
            <translation>nenhuma configurada</translation>
        </message>
    </context>
    <context>
        <name>CredentialsPage</name>
        <message>
            <location filename="../../ui/settings/credentials.py" line="159" />
            <source>Application id</source>
            <translation>ID do aplicativo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="349" />
            <source>Asking Login with Amazon for a refresh token…</source>
            <translation>Pedindo um refresh token ao Login with Amazon…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="207" />
            <source>Checking the system keyring…</source>
            <translation>Verificando o cofre de senhas do sistema…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="162" />
            <source>Code from the redirect</source>
            <translation>Código do redirecionamento</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="161" />
            <source>Consent page</source>
            <translation>Página de consentimento</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="231" />
            <source>Credentials are stored in the keyring for client id {id}.</source>
            <translation>Há credenciais guardadas no cofre de senhas para o client ID {id}.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="313" />
            <source>Credentials removed from the keyring.</source>
            <translation>Credenciais removidas do cofre de senhas.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="299" />
            <source>Credentials saved in the system keyring.</source>
            <translation>Credenciais salvas no cofre de senhas do sistema.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="341" />
            <source>Enter the client id, client secret, redirect URI and the code before asking for a refresh token.</source>
            <translation>Informe o client ID, o client secret, a URI de redirecionamento e o código antes de pedir o refresh token.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="267" />
            <source>Fill in every field, or use the public-app authorisation.</source>
            <translation>Preencha todos os campos ou use a autorização de app público.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="157" />
            <source>Get refresh token</source>
            <translation>Obter refresh token</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="139" />
            <source>LWA client id</source>
            <translation>Client ID do LWA</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="140" />
            <source>LWA client secret</source>
            <translation>Client secret do LWA</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="266" />
            <source>Missing: {fields}</source>
            <translation>Faltando: {fields}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="236" />
            <source>No credentials stored yet.</source>
            <translation>Nenhuma credencial guardada ainda.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="327" />
            <source>Open this page signed in as the Vendor Central admin, approve the app, then copy the spapi_oauth_code from the address Amazon redirects to (add &amp;version=beta while the app is still a draft):
{url}</source>
            <translation>Abra esta página com o login de administrador do Vendor Central, aprove o app e copie o spapi_oauth_code do endereço para onde a Amazon redirecionar (acrescente &amp;version=beta enquanto o app ainda for rascunho):
{url}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="117" />
            <source>Private app (paste the refresh token)</source>
            <translation>App privado (cole o refresh token)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="118" />
            <source>Public app (authorise in Vendor Central)</source>
            <translation>App público (autorize no Vendor Central)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="160" />
            <source>Redirect URI</source>
            <translation>URI de redirecionamento</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="141" />
            <source>Refresh token</source>
            <translation>Refresh token</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="363" />
            <source>Refresh token received. Save it in the keyring to keep it.</source>
            <translation>Refresh token recebido. Salve-o no cofre de senhas para guardá-lo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="169" />
            <source>Remove from keyring</source>
            <translation>Remover do cofre de senhas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="167" />
            <source>Save in keyring</source>
            <translation>Salvar no cofre de senhas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="286" />
            <source>Saving in the keyring…</source>
            <translation>Salvando no cofre de senhas…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="108" />
            <source>The SP-API credentials are kept in the system keyring (Windows Credential Manager), never in the settings file.</source>
            <translation>As credenciais da SP-API ficam no cofre de senhas do sistema (Gerenciador de Credenciais do Windows), nunca no arquivo de configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="198" />
            <source>This computer has no usable system keyring, so credentials cannot be stored here. On a headless machine set the environment variables {id}, {secret} and {token} for the station's user instead.</source>
            <translation>Este computador não tem um cofre de senhas utilizável, então as credenciais não podem ser guardadas aqui. Em uma máquina sem tela, defina as variáveis de ambiente {id}, {secret} e {token} para o usuário da estação.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="258" />
            <source>client id</source>
            <translation>client ID</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="259" />
            <source>client secret</source>
            <translation>client secret</translation>
        </message>
        <message>
            <location filename="../../ui/settings/credentials.py" line="260" />
            <source>refresh token</source>
            <translation>refresh token</translation>
        </message>
    </context>
    <context>
        <name>CredentialsWizardPage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="199" />
            <source>SP-API credentials</source>
            <translation>Credenciais da SP-API</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="217" />
            <source>Save the credentials in the keyring first, or clear the secret fields to set them later (or through STATION_LWA_* variables).</source>
            <translation>Salve as credenciais no cofre de senhas primeiro, ou limpe os campos secretos para configurá-las depois (ou pelas variáveis STATION_LWA_*).</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="318" />
            <source>Ready</source>
            <translation>Pronto</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="334" />
            <source>Some settings are not valid yet: go back to fix them.</source>
            <translation>Algumas configurações ainda não são válidas: volte para corrigi-las.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="338" />
            <source>Vendor {vendor}, warehouse {warehouse}, region {region} ({environment}).
Labels: {label}
Slips: {slip}
{presets} box preset(s).

Press Finish to save. Print the command sheet from the station's menu.</source>
            <translation>Fornecedor {vendor}, armazém {warehouse}, região {region} ({environment}).
Etiquetas: {label}
Notas: {slip}
{presets} caixa(s) padrão.

Clique em Concluir para salvar. Imprima a folha de comandos pelo menu da estação.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="367" />
            <source>Set up Packing Station</source>
            <translation>Configurar a Packing Station</translation>
        </message>
    </context>
    <context>
        <name>HealthBar</name>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="106" />
            <source>Confirmations: {queued} queued, {sending} sending, {failed} failed</source>
            <translation>Confirmações: {queued} aguardando, {sending} enviando, {failed} com falha</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="76" />
            <source>Label printer</source>
            <translation>Impr. de etiquetas</translation>
        </message>
        <message>
            <source>Outbox {queued} queued, {sending} sending, {failed} failed</source>
            <translation type="vanished">Fila: {queued} aguardando, {sending} enviando, {failed} com falha</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="104" />
            <source>Outbox: all sent</source>
            <translation>Fila: tudo enviado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="102" />
            <source>Outbox: {counts}</source>
            <translation>Fila: {counts}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="77" />
            <source>Slip printer</source>
            <translation>Impr. de notas</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="139" />
            <source>problem</source>
            <translation>problema</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="95" />
            <source>{n} failed</source>
            <translation>{n} com falha</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="96" />
            <source>{n} queued</source>
            <translation>{n} aguardando</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="97" />
            <source>{n} sending</source>
            <translation>{n} enviando</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="119" />
            <source>○ Network: not checked</source>
            <translation>○ Rede: a verificar</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="133" />
            <source>○ {name}: not checked</source>
            <translation>○ {name}: a verificar</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="121" />
            <source>✔ Network: online</source>
            <translation>✔ Rede: conectada</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="137" />
            <source>✔ {name}: ready</source>
            <translation>✔ {name}: pronta</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="135" />
            <source>✔ {name}: {detail}</source>
            <translation>✔ {name}: {detail}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="123" />
            <source>✖ Network: OFFLINE</source>
            <translation>✖ Rede: SEM CONEXÃO</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/health_bar.py" line="139" />
            <source>✖ {name}: {detail}</source>
            <translation>✖ {name}: {detail}</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../../ui/history.py" line="446" />
            <source>Cannot write {path}: {error}</source>
            <translation>Não foi possível gravar {path}: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="66" />
            <location filename="../../ui/history.py" line="103" />
            <source>Confirmed</source>
            <translation>Confirmado</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="101" />
            <source>Day</source>
            <translation>Dia</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="139" />
            <source>End-of-day summary</source>
            <translation>Resumo do fim do dia</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="114" />
            <source>Errors</source>
            <translation>Erros</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="68" />
            <source>Failed</source>
            <translation>Falhou</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="108" />
            <source>Failed confirmations</source>
            <translation>Confirmações com falha</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="113" />
            <source>Failed prints</source>
            <translation>Impressões com falha</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="165" />
            <source>No stored {which} for {po}.</source>
            <translation>Nenhum documento ({which}) guardado para {po}.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="67" />
            <source>Queued</source>
            <translation>Na fila</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="105" />
            <source>Queued (not yet accepted by Amazon)</source>
            <translation>Na fila (ainda não aceitos pela Amazon)</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="168" />
            <source>Scan the PO again to fetch its documents from Amazon.</source>
            <translation>Escaneie o PO de novo para baixar os documentos da Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="119" />
            <source>Ship method {method}</source>
            <translation>Método de envio {method}</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="102" />
            <source>Shipments</source>
            <translation>Envios</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="147" />
            <source>Station {station}</source>
            <translation>Estação {station}</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="110" />
            <source>Still open in the outbox</source>
            <translation>Ainda pendentes na fila de envio</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="193" />
            <source>{po} has no failed confirmation to retry.</source>
            <translation>{po} não tem confirmação com falha para tentar de novo.</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <location filename="../../ui/history.py" line="479" />
            <source>Day summary sent to {uri}.</source>
            <translation>Resumo do dia enviado para {uri}.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="243" />
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="430" />
            <source>Export shipments</source>
            <translation>Exportar envios</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="341" />
            <source>Failed: {error}</source>
            <translation>Falhou: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="226" />
            <source>PO</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="244" />
            <source>Print day summary</source>
            <translation>Imprimir resumo do dia</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="396" />
            <source>Printing…</source>
            <translation>Imprimindo…</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="231" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="245" />
            <source>Refresh</source>
            <translation>Atualizar</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="240" />
            <source>Reprint label</source>
            <translation>Reimprimir etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="392" />
            <source>Reprint of {po} requested.</source>
            <translation>Reimpressão de {po} solicitada.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="241" />
            <source>Reprint slip</source>
            <translation>Reimprimir nota</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="242" />
            <source>Retry confirmation</source>
            <translation>Tentar confirmar de novo</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="229" />
            <source>Ship method</source>
            <translation>Método de envio</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="227" />
            <source>Status</source>
            <translation>Situação</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="424" />
            <source>The confirmation of {po} is queued again.</source>
            <translation>A confirmação de {po} voltou para a fila.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="228" />
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="210" />
            <source>Today's shipments</source>
            <translation>Envios de hoje</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="230" />
            <source>Transaction</source>
            <translation>Transação</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="400" />
            <source>{count} document(s) of {po} sent to the printer.</source>
            <translation>{count} documento(s) de {po} enviado(s) para a impressora.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="455" />
            <source>{count} shipments exported to {path}.</source>
            <translation>{count} envios exportados para {path}.</translation>
        </message>
        <message>
            <location filename="../../ui/history.py" line="324" />
            <source>{total} shipments today — {confirmed} confirmed, {queued} queued, {failed} failed; {open} still open in the outbox. Per ship method: {methods}</source>
            <translation>{total} envios hoje — {confirmed} confirmados, {queued} na fila, {failed} com falha; {open} ainda pendentes na fila de envio. Por método de envio: {methods}</translation>
        </message>
    </context>
    <context>
        <name>KeyboardLayout</name>
        <message>
            <location filename="../../ui/keyboard_layout.py" line="83" />
            <source>The keyboard layout seems to be {layout}: this scan would read '{meant}' on a US layout. Set the scanner to the keyboard layout of this PC (see its manual), or switch Windows to the US layout.</source>
            <translation>O layout do teclado parece ser {layout}: no layout americano (US) esta leitura seria '{meant}'. Configure o leitor para o layout de teclado deste PC (veja o manual dele) ou mude o Windows para o layout US.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="1053" />
            <source> — label 1 of {count}</source>
            <translation> — etiqueta 1 de {count}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="312" />
            <source>&amp;Help</source>
            <translation>Aj&amp;uda</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="290" />
            <source>&amp;Station</source>
            <translation>&amp;Estação</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="544" />
            <source>A barcode was scanned while “{window}” is open.</source>
            <translation>Um código de barras foi escaneado com “{window}” aberto.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="653" />
            <source>ALREADY SHIPPED — do not ship again</source>
            <translation>JÁ ENVIADO — não envie de novo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="318" />
            <location filename="../../ui/main_window.py" line="347" />
            <source>About Packing Station</source>
            <translation>Sobre a Packing Station</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="918" />
            <source>Amazon accepted the shipment. Scan the next PO.</source>
            <translation>A Amazon aceitou o envio. Escaneie o próximo PO.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="299" />
            <source>Amazon fulfilment</source>
            <translation>Logística da Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="960" />
            <source>Amazon has not answered for {s} s.</source>
            <translation>A Amazon não responde há {s} s.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="641" />
            <source>Amazon is slow to answer.</source>
            <translation>A Amazon está demorando para responder.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="929" />
            <source>Amazon rejected the confirmation of PO {po}: {reasons}</source>
            <translation>A Amazon recusou a confirmação do PO {po}: {reasons}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="720" />
            <source>Box {name} chosen</source>
            <translation>Caixa {name} escolhida</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="745" />
            <source>Box {n} recorded</source>
            <translation>Caixa {n} registrada</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="917" />
            <source>CONFIRMED — PO {po} is shipped</source>
            <translation>CONFIRMADO — PO {po} enviado</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="297" />
            <source>Carrier status updates</source>
            <translation>Situação das entregas (transportadora)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="496" />
            <source>Carry on with PO {po}, or scan CMD:CANCEL to put it aside.</source>
            <translation>Continue com o PO {po}, ou escaneie CMD:CANCEL para deixá-lo de lado.</translation>
        </message>
        <message>
            <source>Check the weight, then scan CMD:CONFIRM (or CMD:NEXTBOX for another box).</source>
            <translation type="vanished">Confira o peso e escaneie CMD:CONFIRM (ou CMD:NEXTBOX para outra caixa).</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1136" />
            <source>Confirmations are waiting for the network</source>
            <translation>As confirmações aguardam a rede</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="780" />
            <source>Confirming the shipment…</source>
            <translation>Confirmando o envio…</translation>
        </message>
        <message>
            <source>DEMO MODE — simulated Amazon; printed files go to {folder}</source>
            <translation type="vanished">MODO DEMONSTRAÇÃO — Amazon simulada; as impressões vão para {folder}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="182" />
            <source>DEMO — scan a PO: {pos} · printed files go to {folder}</source>
            <translation>DEMO — escaneie um PO: {pos} · os arquivos impressos vão para {folder}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="992" />
            <source>Enter the box — the label is requested with it</source>
            <translation>Informe a caixa — a etiqueta é pedida com ela</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="298" />
            <source>Export support bundle</source>
            <translation>Exportar pacote de suporte</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="932" />
            <source>Fix what Amazon names and confirm again, or see History.</source>
            <translation>Corrija o que a Amazon aponta e confirme de novo, ou veja o Histórico.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="294" />
            <source>History</source>
            <translation>Histórico</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="470" />
            <source>Item of PO {po} — no item check needed now</source>
            <translation>Item do PO {po} — não é preciso conferir itens agora</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="889" />
            <source>Item {scanned} of {ordered} for line {line}</source>
            <translation>Item {scanned} de {ordered} da linha {line}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="507" />
            <source>Its boxes are kept. Carry on: enter the box, then confirm.</source>
            <translation>As caixas dele continuam. Continue: informe a caixa e confirme.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="481" />
            <source>Keyboard layout garbles the scans</source>
            <translation>O layout do teclado embaralha as leituras</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>Label</source>
            <translation>Etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="876" />
            <location filename="../../ui/main_window.py" line="1023" />
            <location filename="../../ui/main_window.py" line="1141" />
            <source>Label printer</source>
            <translation>Impressora de etiquetas</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="223" />
            <source>Labels will print at {percent} % of their size</source>
            <translation>As etiquetas serão impressas com {percent} % do tamanho</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="640" />
            <source>Looking up PO {po}… {seconds} s</source>
            <translation>Consultando o PO {po}… {seconds} s</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="598" />
            <source>Looking up the PO…</source>
            <translation>Buscando o PO…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="827" />
            <source>Lookup of PO {po} abandoned — scan the next PO</source>
            <translation>Consulta do PO {po} abandonada — escaneie o próximo PO</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="702" />
            <source>No order is open</source>
            <translation>Nenhum pedido aberto</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="262" />
            <source>No packing slip</source>
            <translation>Sem nota de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="860" />
            <source>No packing slip for this order</source>
            <translation>Este pedido não tem nota de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="492" />
            <source>Not a PO — PO {po} stays open</source>
            <translation>Não é um PO — o PO {po} continua aberto</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="365" />
            <source>Not available yet</source>
            <translation>Ainda não disponível</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="946" />
            <source>Not sent yet: {reason}</source>
            <translation>Ainda não enviado: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="828" />
            <source>Nothing is printed or confirmed for it. Scan it again to try later.</source>
            <translation>Nada é impresso nem confirmado para ele. Escaneie-o de novo para tentar mais tarde.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="834" />
            <source>Nothing was confirmed. Scan it again to continue later.</source>
            <translation>Nada foi confirmado. Escaneie o PO de novo para continuar depois.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="549" />
            <source>Nothing was typed and nothing was done with it. Close this window, then scan again on the packing screen.</source>
            <translation>Nada foi digitado e nada foi feito com ele. Feche esta janela e escaneie de novo na tela de embalagem.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="313" />
            <source>Open the demo printer folder</source>
            <translation>Abrir a pasta das impressoras de demonstração</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="506" />
            <source>PO {po} is already open</source>
            <translation>O PO {po} já está aberto</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="944" />
            <source>PO {po} is recorded; the station sends it by itself.</source>
            <translation>O PO {po} está registrado; a estação o envia sozinha.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="833" />
            <source>PO {po} put aside — scan the next PO</source>
            <translation>PO {po} deixado de lado — escaneie o próximo PO</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="654" />
            <source>PO {po} was shipped {when}by {who}.</source>
            <translation>O PO {po} foi enviado {when}por {who}.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="856" />
            <source>PO {po} — Packing Station</source>
            <translation>PO {po} — Packing Station</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="816" />
            <source>PO {po}: the documents printed again.</source>
            <translation>PO {po}: os documentos foram impressos de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="472" />
            <source>Pack it, enter the box, then confirm.</source>
            <translation>Embale-o, informe a caixa e confirme.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="155" />
            <location filename="../../ui/main_window.py" line="400" />
            <source>Packing Station</source>
            <translation>Packing Station</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="333" />
            <source>Packing Station {version}
Station {station}

Python {python}, Qt {qt}, PySide6 {pyside}
Fonts: DejaVu (free license).</source>
            <translation>Packing Station {version}
Estação {station}

Python {python}, Qt {qt}, PySide6 {pyside}
Fontes: DejaVu (licença livre).</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="262" />
            <source>Packing slip</source>
            <translation>Nota de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="296" />
            <source>Print command sheet</source>
            <translation>Imprimir folha de comandos</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1001" />
            <source>Printed — pack the order</source>
            <translation>Impresso — embale o pedido</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="948" />
            <source>QUEUED — PO {po} goes out by itself</source>
            <translation>NA FILA — o PO {po} será enviado sozinho</translation>
        </message>
        <message>
            <source>QUEUED — will be sent when the network is back</source>
            <translation type="vanished">NA FILA — será enviado quando a rede voltar</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="308" />
            <source>Quit</source>
            <translation>Sair</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="815" />
            <source>Reprinted</source>
            <translation>Reimpresso</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="792" />
            <source>Reprinting…</source>
            <translation>Reimprimindo…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="763" />
            <source>Requesting the label…</source>
            <translation>Pedindo a etiqueta…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="934" />
            <source>STOP — Amazon rejected the shipment</source>
            <translation>PARE — a Amazon recusou o envio</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="865" />
            <source>STOP — PO {po} was cancelled: do not ship it</source>
            <translation>PARE — o PO {po} foi cancelado: não envie</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="741" />
            <location filename="../../ui/main_window.py" line="756" />
            <source>STOP — check the box</source>
            <translation>PARE — confira a caixa</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="416" />
            <source>STOP — check this scan</source>
            <translation>PARE — confira esta leitura</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="412" />
            <source>STOP — no connection to Amazon</source>
            <translation>PARE — sem conexão com a Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="414" />
            <source>STOP — printer problem</source>
            <translation>PARE — problema na impressora</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="418" />
            <source>STOP — the site database is away</source>
            <translation>PARE — o banco de dados do site está fora do ar</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="882" />
            <source>STOP — the {doc} did not print</source>
            <translation>PARE — {doc} não foi impressa</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="421" />
            <source>STOP — this order cannot go on</source>
            <translation>PARE — este pedido não pode seguir</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="458" />
            <source>STOP — unknown command barcode</source>
            <translation>PARE — código de comando desconhecido</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="674" />
            <source>STOP — wrong item</source>
            <translation>PARE — item errado</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="403" />
            <source>Scan a PO barcode</source>
            <translation>Escaneie o código do PO</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="993" />
            <source>Scan a box barcode (or type the size and weight), then CMD:CONFIRM.</source>
            <translation>Escaneie o código da caixa (ou digite medidas e peso) e depois CMD:CONFIRM.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1002" />
            <source>Scan every item, then the box barcode and CMD:CONFIRM.</source>
            <translation>Escaneie cada item, depois o código da caixa e CMD:CONFIRM.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="543" />
            <source>Scan not used</source>
            <translation>Leitura não usada</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="746" />
            <source>Scan or type the next box ({preset}).</source>
            <translation>Escaneie ou digite a próxima caixa ({preset}).</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="702" />
            <source>Scan the PO barcode first, then the box.</source>
            <translation>Escaneie primeiro o código do PO, depois a caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="404" />
            <source>Scan the PO on the packing list — from anywhere, whatever is selected.</source>
            <translation>Escaneie o PO na lista de separação — de qualquer tela, o que estiver selecionado.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1004" />
            <source>Scan the box barcode (or type size and weight), then CMD:CONFIRM.</source>
            <translation>Escaneie o código da caixa (ou digite medidas e peso) e depois CMD:CONFIRM.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="892" />
            <source>Scan the next item, or the box and CMD:CONFIRM when all are checked.</source>
            <translation>Escaneie o próximo item, ou a caixa e CMD:CONFIRM quando todos estiverem conferidos.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="482" />
            <source>Scanned '{text}'.</source>
            <translation>Leitura: '{text}'.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="471" />
            <source>Scanned '{text}'. The order stays open.</source>
            <translation>Escaneado '{text}'. O pedido continua aberto.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="493" />
            <source>Scanned '{text}': not a PO, an item of this order or a command.</source>
            <translation>Escaneado '{text}': não é um PO, um item deste pedido nem um comando.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="906" />
            <source>Sending the confirmation to Amazon…</source>
            <translation>Enviando a confirmação para a Amazon…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="661" />
            <source>Set the items aside and tell the warehouse lead. Scan CMD:REPRINT for a copy of the label.</source>
            <translation>Separe os itens e avise o líder do armazém. Escaneie CMD:REPRINT para uma cópia da etiqueta.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="295" />
            <source>Settings</source>
            <translation>Configurações</translation>
        </message>
        <message>
            <source>Ship the box and scan the next PO.</source>
            <translation type="vanished">Despache a caixa e escaneie o próximo PO.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="950" />
            <source>Ship the box and scan the next PO. History shows when it is sent.</source>
            <translation>Despache a caixa e escaneie o próximo PO. O Histórico mostra quando for enviado.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="876" />
            <location filename="../../ui/main_window.py" line="1026" />
            <location filename="../../ui/main_window.py" line="1142" />
            <source>Slip printer</source>
            <translation>Impressora de notas</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="900" />
            <source>The confirmation waits for the network</source>
            <translation>A confirmação aguarda a rede</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>The label appears here</source>
            <translation>A etiqueta aparece aqui</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="224" />
            <source>The label printer is set to {dpi} dpi; Amazon's PNG labels are drawn for 203 dpi and their barcodes are never stretched.</source>
            <translation>A impressora de etiquetas está configurada para {dpi} dpi; as etiquetas PNG da Amazon são desenhadas para 203 dpi e seus códigos de barras nunca são esticados.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1034" />
            <source>The slip printed; no preview available.</source>
            <translation>A nota foi impressa; sem pré-visualização.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="365" />
            <source>This screen is not available yet.</source>
            <translation>Esta tela ainda não está disponível.</translation>
        </message>
        <message>
            <source>Tools</source>
            <translation type="vanished">Ferramentas</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>Use a 203-dpi label printer, or set the warehouse's label format to ZPL in Settings (ZPL labels print at their true size).</source>
            <translation>Use uma impressora de etiquetas de 203 dpi ou defina o formato de etiqueta do armazém como ZPL nas Configurações (etiquetas ZPL saem no tamanho real).</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="642" />
            <source>Wait, or scan CMD:CANCEL (Esc) to give up; nothing is printed for it.</source>
            <translation>Aguarde, ou escaneie CMD:CANCEL (Esc) para desistir; nada é impresso para ele.</translation>
        </message>
        <message>
            <source>Waiting for Amazon to answer an earlier, abandoned lookup.</source>
            <translation type="vanished">Aguardando a Amazon responder a uma consulta anterior, já abandonada.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="721" />
            <source>Weigh the packed box and type its weight, then scan CMD:CONFIRM (or CMD:NEXTBOX for another box).</source>
            <translation>Pese a caixa embalada e digite o peso, depois escaneie CMD:CONFIRM (ou CMD:NEXTBOX para outra caixa).</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="427" />
            <source>What to do: {hint}</source>
            <translation>O que fazer: {hint}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="113" />
            <source>ZPL label</source>
            <translation>etiqueta ZPL</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="657" />
            <source>another desk (Amazon shows the PO shipped)</source>
            <translation>outra bancada (a Amazon mostra o PO como enviado)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="540" />
            <source>another window</source>
            <translation>outra janela</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="114" />
            <source>cancelled</source>
            <translation>cancelado</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="110" />
            <source>gift</source>
            <translation>presente</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="121" />
            <source>invoice</source>
            <translation>a fatura</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="119" />
            <source>label</source>
            <translation>a etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="111" />
            <source>packing slip</source>
            <translation>nota de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="109" />
            <source>plain</source>
            <translation>simples</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="112" />
            <source>priority</source>
            <translation>prioritário</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="120" />
            <source>slip</source>
            <translation>a nota de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1117" />
            <source>state unknown</source>
            <translation>estado desconhecido</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="763" />
            <location filename="../../ui/main_window.py" line="780" />
            <source>{n} box(es)</source>
            <translation>{n} caixa(s)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="597" />
            <source>{po} — the lookup of PO {old} was abandoned</source>
            <translation>{po} — a consulta do PO {old} foi abandonada</translation>
        </message>
    </context>
    <context>
        <name>MarketplacePage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="149" />
            <source>Amazon marketplace</source>
            <translation>Marketplace da Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="150" />
            <source>Where this vendor's orders come from.</source>
            <translation>De onde vêm os pedidos deste fornecedor.</translation>
        </message>
    </context>
    <context>
        <name>McfWindow</name>
        <message>
            <location filename="../../ui/mcf.py" line="67" />
            <source>Accepted by Amazon</source>
            <translation>Aceito pela Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="94" />
            <source>Amazon Logistics blocked</source>
            <translation>Amazon Logistics bloqueada</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="102" />
            <source>Amazon cannot deliver to this address</source>
            <translation>A Amazon não entrega neste endereço</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="553" />
            <source>Amazon cannot fill this order</source>
            <translation>A Amazon não consegue atender este pedido</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="99" />
            <source>Amazon does not ship to this destination from this marketplace (export restricted)</source>
            <translation>A Amazon não envia para este destino a partir deste marketplace (exportação restrita)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="155" />
            <source>Amazon fulfilment</source>
            <translation>Logística da Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="188" />
            <source>Amazon order id</source>
            <translation>Id do pedido na Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="534" />
            <source>Amazon refused order {order}: {reason}</source>
            <translation>A Amazon recusou o pedido {order}: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="190" />
            <source>Amazon status</source>
            <translation>Status na Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="120" />
            <source>Amazon's preview says order {order} cannot be filled ({speed}):</source>
            <translation>A prévia da Amazon diz que o pedido {order} não pode ser atendido ({speed}):</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="113" />
            <source>Amazon's reason {code}</source>
            <translation>Motivo da Amazon: {code}</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="452" />
            <source>Asking Amazon for a preview…</source>
            <translation>Pedindo uma prévia à Amazon…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="203" />
            <source>Blank box</source>
            <translation>Caixa sem marca</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="213" />
            <source>Blank box, block Amazon Logistics and signature cannot change after sending.</source>
            <translation>Caixa sem marca, bloquear a Amazon Logistics e assinatura não podem mudar depois do envio.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="204" />
            <source>Block Amazon Logistics</source>
            <translation>Bloquear a Amazon Logistics</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="602" />
            <source>CSV files (*.csv)</source>
            <translation>Arquivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="392" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="222" />
            <source>Cancel at Amazon</source>
            <translation>Cancelar na Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="70" />
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="128" />
            <source>Choose another speed ({speeds}), or pack it here.</source>
            <translation>Escolha outra velocidade ({speeds}) ou embale aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="223" />
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="561" />
            <source>Do not send</source>
            <translation>Não enviar</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="80" />
            <source>Expedited</source>
            <translation>Expresso</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="405" />
            <source>Export the orders again, in smaller files.</source>
            <translation>Exporte os pedidos de novo, em arquivos menores.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="602" />
            <source>Export tracking</source>
            <translation>Exportar rastreamento</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="176" />
            <source>Export tracking (CSV)…</source>
            <translation>Exportar rastreamento (CSV)…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="613" />
            <source>Exporting…</source>
            <translation>Exportando…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="124" />
            <source>Fix the FBA stock (send the SKUs to Amazon, then preview again), or pack it here.</source>
            <translation>Corrija o estoque FBA (envie os SKUs para a Amazon e peça a prévia de novo) ou embale aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="206" />
            <source>Hold for review</source>
            <translation>Reter para revisão</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="173" />
            <source>Import orders (CSV)…</source>
            <translation>Importar pedidos (CSV)…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="392" />
            <source>Import web-shop orders</source>
            <translation>Importar pedidos da loja virtual</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="65" />
            <source>Imported</source>
            <translation>Importado</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="410" />
            <source>Imported {added} order(s); {known} were already here.</source>
            <translation>{added} pedido(s) importado(s); {known} já estavam aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="423" />
            <source>Importing…</source>
            <translation>Importando…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="416" />
            <source>Not imported:</source>
            <translation>Não importados:</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="68" />
            <source>On hold</source>
            <translation>Retido</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="192" />
            <source>Options</source>
            <translation>Opções</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="438" />
            <source>Order {order} added.</source>
            <translation>Pedido {order} adicionado.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="527" />
            <source>Order {order} not sent. {advice}</source>
            <translation>Pedido {order} não enviado. {advice}</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="440" />
            <source>Order {order} was already here.</source>
            <translation>O pedido {order} já estava aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="459" />
            <source>Order {order}:</source>
            <translation>Pedido {order}:</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="540" />
            <location filename="../../ui/mcf.py" line="580" />
            <source>Order {order}: {state}.</source>
            <translation>Pedido {order}: {state}.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="72" />
            <location filename="../../ui/mcf.py" line="220" />
            <source>Pack here</source>
            <translation>Embalar aqui</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="132" />
            <source>Pack it here: Amazon will not ship it.</source>
            <translation>Embale aqui: a Amazon não vai enviá-lo.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="218" />
            <source>Preview</source>
            <translation>Prévia</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="493" />
            <source>Preview ready.</source>
            <translation>Prévia pronta.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="81" />
            <source>Priority</source>
            <translation>Prioritário</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="175" />
            <source>Refresh tracking</source>
            <translation>Atualizar rastreamento</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="598" />
            <source>Refreshing tracking…</source>
            <translation>Atualizando o rastreamento…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="71" />
            <source>Refused by Amazon</source>
            <translation>Recusado pela Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="221" />
            <source>Release hold</source>
            <translation>Liberar retenção</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="482" />
            <source>SKU {sku} × {qty}: enough FBA stock</source>
            <translation>SKU {sku} × {qty}: estoque FBA suficiente</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="488" />
            <source>SKU {sku} × {qty}: not enough FBA stock ({reasons})</source>
            <translation>SKU {sku} × {qty}: estoque FBA insuficiente ({reasons})</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="82" />
            <source>Scheduled</source>
            <translation>Agendado</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="560" />
            <source>Send anyway</source>
            <translation>Enviar mesmo assim</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="219" />
            <source>Send to Amazon</source>
            <translation>Enviar para a Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="66" />
            <source>Sending (checking with Amazon)</source>
            <translation>Enviando (conferindo com a Amazon)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="546" />
            <source>Sending to Amazon…</source>
            <translation>Enviando para a Amazon…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="69" />
            <source>Sent to Amazon</source>
            <translation>Enviado à Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="187" />
            <source>Shop order</source>
            <translation>Pedido da loja</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="205" />
            <source>Signature</source>
            <translation>Assinatura</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="191" />
            <location filename="../../ui/mcf.py" line="207" />
            <source>Speed</source>
            <translation>Velocidade</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="79" />
            <source>Standard</source>
            <translation>Padrão</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="189" />
            <source>State</source>
            <translation>Situação</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="193" />
            <source>Tracking</source>
            <translation>Rastreamento</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="594" />
            <source>Tracking refreshed for {count} order(s).</source>
            <translation>Rastreamento atualizado para {count} pedido(s).</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="174" />
            <source>Type an order…</source>
            <translation>Digitar um pedido…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="165" />
            <source>Web-shop orders: preview what Amazon offers, then send each to Amazon's fulfilment network or pack it here.</source>
            <translation>Pedidos da loja virtual: veja a prévia do que a Amazon oferece e depois envie cada um à rede de logística da Amazon ou embale-o aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="444" />
            <location filename="../../ui/mcf.py" line="586" />
            <source>Working…</source>
            <translation>Trabalhando…</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="616" />
            <source>Wrote {rows} tracking number(s) to {file}.</source>
            <translation>{rows} número(s) de rastreamento gravado(s) em {file}.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="93" />
            <source>a blank box</source>
            <translation>caixa sem marca</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="90" />
            <source>an item</source>
            <translation>um item</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="467" />
            <source>available</source>
            <translation>disponível</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="469" />
            <source>not available</source>
            <translation>indisponível</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="103" />
            <location filename="../../ui/mcf.py" line="104" />
            <source>not enough FBA stock of {sku}</source>
            <translation>estoque FBA insuficiente de {sku}</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="95" />
            <source>signature on delivery</source>
            <translation>assinatura na entrega</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="110" />
            <source>this speed is not offered for the order</source>
            <translation>esta velocidade não é oferecida para o pedido</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="107" />
            <source>this speed needs Amazon Logistics, which the order blocks</source>
            <translation>esta velocidade exige a Amazon Logistics, que o pedido bloqueia</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="556" />
            <source>{advice}

Send it to Amazon anyway? Amazon will likely mark it unfulfillable.</source>
            <translation>{advice}

Enviar para a Amazon mesmo assim? A Amazon provavelmente vai marcá-lo como não atendível.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="341" />
            <source>{count} web-shop order(s).</source>
            <translation>{count} pedido(s) da loja virtual.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="404" />
            <source>{file} is empty or larger than 10 MB</source>
            <translation>{file} está vazio ou tem mais de 10 MB</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="106" />
            <source>{sku} cannot ship with the chosen options</source>
            <translation>{sku} não pode ser enviado com as opções escolhidas</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="97" />
            <source>{sku} cannot ship with {option}</source>
            <translation>{sku} não pode ser enviado com {option}</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="105" />
            <source>{sku} is not in FBA stock (no such SKU at Amazon)</source>
            <translation>{sku} não está no estoque FBA (SKU inexistente na Amazon)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf.py" line="463" />
            <source>{speed}: {verdict}, ships by {ships}, arrives {arrives}, fees {fees}</source>
            <translation>{speed}: {verdict}, sai até {ships}, chega {arrives}, tarifas {fees}</translation>
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="84" />
            <source>Add at least one item.</source>
            <translation>Adicione pelo menos um item.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="40" />
            <source>Address line 1</source>
            <translation>Endereço, linha 1</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="41" />
            <source>Address line 2</source>
            <translation>Endereço, linha 2</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="42" />
            <source>City</source>
            <translation>Cidade</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="45" />
            <source>Country (two letters)</source>
            <translation>País (duas letras)</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="47" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="80" />
            <source>Item line {n}: write SKU, quantity</source>
            <translation>Linha de item {n}: escreva SKU, quantidade</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="55" />
            <source>Items</source>
            <translation>Itens</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="54" />
            <source>One line per item: SKU, quantity</source>
            <translation>Uma linha por item: SKU, quantidade</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="46" />
            <source>Phone</source>
            <translation>Telefone</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="44" />
            <source>Postal code</source>
            <translation>CEP / código postal</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="39" />
            <source>Recipient</source>
            <translation>Destinatário</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="38" />
            <source>Shop order</source>
            <translation>Pedido da loja</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="43" />
            <source>State or province</source>
            <translation>Estado ou província</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="88" />
            <source>The shop order is missing.</source>
            <translation>Falta o número do pedido da loja.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="86" />
            <source>Too many items.</source>
            <translation>Itens demais.</translation>
        </message>
        <message>
            <location filename="../../ui/mcf_order_dialog.py" line="33" />
            <source>Type a web-shop order</source>
            <translation>Digitar um pedido da loja virtual</translation>
        </message>
    </context>
    <context>
        <name>OrderPanel</name>
        <message>
            <source>  — LATE</source>
            <translation type="vanished">  — ATRASADO</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="167" />
            <source>(no title)</source>
            <translation>(sem título)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="97" />
            <source>ASIN / SKU</source>
            <translation>ASIN / SKU</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="97" />
            <source>Checked</source>
            <translation>Conferido</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="150" />
            <source>Gift message: {text}</source>
            <translation>Mensagem de presente: {text}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="97" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="97" />
            <source>Line</source>
            <translation>Linha</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="124" />
            <source>No order — scan a PO</source>
            <translation>Nenhum pedido — escaneie um PO</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="48" />
            <source>Order</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="137" />
            <source>PO {po}</source>
            <translation>PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="97" />
            <source>Qty</source>
            <translation>Qtd</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="30" />
            <source>Ship by: not given</source>
            <translation>Enviar até: não informado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="34" />
            <source>Ship by: {day} {time}</source>
            <translation>Enviar até: {day} {time}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="33" />
            <source>today</source>
            <translation>hoje</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="79" />
            <source>§ INVOICE</source>
            <translation>§ FATURA</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="76" />
            <source>★ PRIORITY</source>
            <translation>★ PRIORIDADE</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="64" />
            <source>⚠ LATE</source>
            <translation>⚠ ATRASADO</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="78" />
            <source>✎ SLIP REQUIRED</source>
            <translation>✎ NOTA OBRIGATÓRIA</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/order_panel.py" line="77" />
            <source>✿ GIFT</source>
            <translation>✿ PRESENTE</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <location filename="../../ui/previews.py" line="58" />
            <source> ({count} rendering warnings)</source>
            <translation> ({count} avisos de renderização)</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="73" />
            <source>No PDF preview: QtPdf is not installed.</source>
            <translation>Sem pré-visualização do PDF: o QtPdf não está instalado.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="43" />
            <source>PNG label, shown as Amazon sent it</source>
            <translation>Etiqueta PNG, como a Amazon enviou</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="101" />
            <source>Page 1 of {pages}</source>
            <translation>Página 1 de {pages}</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="42" />
            <source>The PNG label could not be decoded for the preview.</source>
            <translation>Não foi possível ler a etiqueta PNG para a pré-visualização.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="81" />
            <source>The packing slip PDF could not be opened.</source>
            <translation>Não foi possível abrir o PDF da nota de conteúdo.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="85" />
            <location filename="../../ui/previews.py" line="92" />
            <source>The packing slip could not be drawn.</source>
            <translation>Não foi possível desenhar a nota de conteúdo.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="60" />
            <source>This label is neither PNG nor ZPL; shown as text.</source>
            <translation>Esta etiqueta não é PNG nem ZPL; mostrada como texto.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="48" />
            <source>ZPL label shown as text: no ZPL renderer in this build.</source>
            <translation>Etiqueta ZPL mostrada como texto: esta versão não tem renderizador de ZPL.</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="52" />
            <source>ZPL label shown as text: {error}</source>
            <translation>Etiqueta ZPL mostrada como texto: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/previews.py" line="56" />
            <source>ZPL label, rendered on this PC</source>
            <translation>Etiqueta ZPL, desenhada neste PC</translation>
        </message>
    </context>
    <context>
        <name>PrinterFinder</name>
        <message>
            <location filename="../../ui/settings/printers.py" line="101" />
            <source>Looking for printers…</source>
            <translation>Procurando impressoras…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="122" />
            <source>No printers found. Type a URI instead, e.g. tcp://192.168.1.50:9100 for a networked Zebra.</source>
            <translation>Nenhuma impressora encontrada. Digite um endereço, por exemplo tcp://192.168.1.50:9100 para uma Zebra em rede.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="132" />
            <source>Printer search failed: {error}</source>
            <translation>A busca de impressoras falhou: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="83" />
            <source>Search again</source>
            <translation>Procurar de novo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="84" />
            <source>Use for labels</source>
            <translation>Usar para etiquetas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="85" />
            <source>Use for slips</source>
            <translation>Usar para notas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="119" />
            <source>{count} printer(s) found.</source>
            <translation>{count} impressora(s) encontrada(s).</translation>
        </message>
    </context>
    <context>
        <name>PrintersPage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="235" />
            <source>A thermal printer for 4x6 labels, an office printer for packing slips.</source>
            <translation>Uma impressora térmica para etiquetas 4x6 e uma impressora comum para as notas de conteúdo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="233" />
            <source>Printers</source>
            <translation>Impressoras</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="250" />
            <source>Test label</source>
            <translation>Testar etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="253" />
            <source>Test slip</source>
            <translation>Testar nota</translation>
        </message>
    </context>
    <context>
        <name>SamplePrintButton</name>
        <message>
            <location filename="../../ui/settings/printers.py" line="159" />
            <source>Choose a printer first.</source>
            <translation>Escolha uma impressora primeiro.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="162" />
            <source>Printing a test page on {uri}…</source>
            <translation>Imprimindo uma página de teste em {uri}…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="175" />
            <source>Test page sent to {uri}.</source>
            <translation>Página de teste enviada para {uri}.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/printers.py" line="181" />
            <source>Test print failed: {error}</source>
            <translation>A impressão de teste falhou: {error}</translation>
        </message>
    </context>
    <context>
        <name>SerialScanner</name>
        <message>
            <location filename="../../ui/scanner.py" line="263" />
            <source>The scanner port {port} cannot be opened: {error}</source>
            <translation>A porta do leitor {port} não pode ser aberta: {error}</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../ui/settings/form.py" line="135" />
            <source>(not set)</source>
            <translation>(não definido)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="173" />
            <source>2020-07-01, or 2026-07-04 (no block-Amazon-Logistics or signature option).</source>
            <translation>2020-07-01, ou 2026-07-04 (sem a opção de bloquear a Amazon Logistics nem de assinatura).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="30" />
            <source>A name for people (optional).</source>
            <translation>Um nome para as pessoas (opcional).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="177" />
            <source>A public app's registered redirect URI (https).</source>
            <translation>O URI de redirecionamento registrado de um aplicativo público (https).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="70" />
            <source>A scale fills each carton's weight from its stable readings.</source>
            <translation>Uma balança preenche o peso de cada caixa com suas leituras estáveis.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="110" />
            <source>A short unique id (letters, digits, - and _).</source>
            <translation>Um ID curto e único (letras, números, - e _).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="21" />
            <source>API version</source>
            <translation>Versão da API</translation>
        </message>
        <message>
            <location filename="../../ui/settings/form.py" line="346" />
            <source>Add</source>
            <translation>Adicionar</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="158" />
            <source>Amazon fulfilment (MCF)</source>
            <translation>Logística da Amazon (MCF)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="145" />
            <source>Ask the packer to scan every item before the box is closed.</source>
            <translation>Pedir ao embalador que escaneie cada item antes de fechar a caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="146" />
            <source>Auto-advance</source>
            <translation>Avançar automaticamente</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="133" />
            <source>Barcode scanner input.</source>
            <translation>Entrada do leitor de código de barras.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="190" />
            <source>Bench</source>
            <translation>Bancada</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="107" />
            <source>Box presets</source>
            <translation>Caixas padrão</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="43" />
            <source>Carrier (EU)</source>
            <translation>Transportadora (Europa)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="39" />
            <source>Carrier SCAC code (NA)</source>
            <translation>Código SCAC da transportadora (América do Norte)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="108" />
            <source>Carton sizes offered to the packer.</source>
            <translation>Tamanhos de caixa oferecidos ao embalador.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="137" />
            <source>Characters the scanner sends after each barcode (removed).</source>
            <translation>Caracteres que o leitor envia depois de cada código (são removidos).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="135" />
            <source>Characters the scanner sends before each barcode (removed).</source>
            <translation>Caracteres que o leitor envia antes de cada código (são removidos).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="97" />
            <source>Darkness</source>
            <translation>Escurecimento</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="118" />
            <source>Dimension unit</source>
            <translation>Unidade de medida</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="129" />
            <source>Documents of orders never shipped are deleted after this many days.</source>
            <translation>Documentos de pedidos que nunca foram enviados são apagados após este número de dias.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="183" />
            <source>Empty: this station keeps its own journal (one bench). postgresql://USER@HOST/DB?sslmode=verify-full: every bench of the site shares claims, outbox and quota there; the password is kept in the keyring, never here.</source>
            <translation>Vazio: esta estação mantém seu próprio diário (uma bancada). postgresql://USER@HOST/DB?sslmode=verify-full: todas as bancadas do site compartilham ali as reservas, a caixa de saída e a cota; a senha fica no chaveiro, nunca aqui.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="17" />
            <source>Environment</source>
            <translation>Ambiente</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="201" />
            <source>Europe (eu)</source>
            <translation>Europa (eu)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="202" />
            <source>Far East (fe)</source>
            <translation>Extremo Oriente (fe)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="153" />
            <source>Fetch today's orders, labels and slips in the background.</source>
            <translation>Baixar em segundo plano os pedidos, etiquetas e notas do dia.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="172" />
            <source>Fulfillment Outbound version</source>
            <translation>Versão da Fulfillment Outbound</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="116" />
            <source>Height</source>
            <translation>Altura</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="101" />
            <source>Horizontal offset (dots)</source>
            <translation>Deslocamento horizontal (pontos)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="90" />
            <source>How the station asks a tcp:// label printer for its state before every label: auto tries Zebra's ~HQES and ~HS; none for printers that answer neither.</source>
            <translation>Como a estação pergunta o estado a uma impressora de etiquetas tcp:// antes de cada etiqueta: auto tenta ~HQES e ~HS da Zebra; none para impressoras que não respondem a nenhum dos dois.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="119" />
            <source>IN (inches) or CM (centimetres).</source>
            <translation>IN (polegadas) ou CM (centímetros).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="123" />
            <source>KG (kilograms) or LB (pounds).</source>
            <translation>KG (quilos) ou LB (libras).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="124" />
            <source>Keep documents after shipment (days)</source>
            <translation>Guardar documentos após o envio (dias)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="128" />
            <source>Keep unshipped documents (days)</source>
            <translation>Guardar documentos não enviados (dias)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="139" />
            <source>Keys arriving closer together than this belong to one scan.</source>
            <translation>Teclas que chegam mais próximas que isto pertencem à mesma leitura.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="143" />
            <source>Keys that end a scan: CR (Enter), LF, TAB.</source>
            <translation>Teclas que encerram uma leitura: CR (Enter), LF, TAB.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="50" />
            <source>Label and slip printers.</source>
            <translation>Impressoras de etiquetas e de notas.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="31" />
            <source>Label format</source>
            <translation>Formato da etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="51" />
            <source>Label printer</source>
            <translation>Impressora de etiquetas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="125" />
            <source>Labels, slips and invoices are deleted this many days after shipment.</source>
            <translation>Etiquetas, notas e faturas são apagadas este número de dias após o envio.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="148" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="149" />
            <source>Language of the station: en, pt_BR, or system (follow the computer).</source>
            <translation>Idioma da estação: en, pt_BR ou system (o mesmo do computador).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="112" />
            <source>Length</source>
            <translation>Comprimento</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="164" />
            <source>Marketplace</source>
            <translation>Marketplace</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="138" />
            <source>Max time between keys (ms)</source>
            <translation>Tempo máximo entre teclas (ms)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="95" />
            <source>Media</source>
            <translation>Mídia</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="140" />
            <source>Minimum length</source>
            <translation>Tamanho mínimo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="147" />
            <source>Move to the next step by itself when a step succeeds.</source>
            <translation>Passar sozinho para a próxima etapa quando uma etapa dá certo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="29" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="44" />
            <source>Name of the vendor's own carrier (Europe).</source>
            <translation>Nome da transportadora própria do fornecedor (Europa).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="179" />
            <source>Names the shop the orders come from (e.g. SHOPIFY); optional.</source>
            <translation>Nome da loja de onde vêm os pedidos (por exemplo SHOPIFY); opcional.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="46" />
            <source>Names this station in the journal and shipment history (default: host name).</source>
            <translation>Identifica esta estação no registro e no histórico de envios (padrão: nome do computador).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="200" />
            <source>North America (na)</source>
            <translation>América do Norte (na)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="176" />
            <source>OAuth redirect URI</source>
            <translation>URI de redirecionamento OAuth</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="117" />
            <source>Outer height of the box.</source>
            <translation>Altura externa da caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="113" />
            <source>Outer length of the box.</source>
            <translation>Comprimento externo da caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="115" />
            <source>Outer width of the box.</source>
            <translation>Largura externa da caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="105" />
            <source>Packing-slip printer</source>
            <translation>Impressora de notas de conteúdo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="152" />
            <source>Prefetch labels</source>
            <translation>Baixar etiquetas antecipadamente</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="134" />
            <source>Prefix</source>
            <translation>Prefixo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="109" />
            <source>Preset id</source>
            <translation>ID da caixa</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="53" />
            <source>Printer</source>
            <translation>Impressora</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="58" />
            <source>Printer language</source>
            <translation>Linguagem da impressora</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="89" />
            <source>Printer state query</source>
            <translation>Consulta do estado da impressora</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="49" />
            <source>Printers</source>
            <translation>Impressoras</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="15" />
            <source>Region</source>
            <translation>Região</translation>
        </message>
        <message>
            <location filename="../../ui/settings/form.py" line="347" />
            <source>Remove</source>
            <translation>Remover</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="62" />
            <source>Resolution (dpi)</source>
            <translation>Resolução (dpi)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/form.py" line="413" />
            <source>Row {row}, {field}: {message}</source>
            <translation>Linha {row}, {field}: {message}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="169" />
            <source>SP-API region of the seller account: na, eu or fe.</source>
            <translation>Região da SP-API da conta de vendedor: na, eu ou fe.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="16" />
            <source>SP-API region: na (North America), eu (Europe), fe (Far East).</source>
            <translation>Região da SP-API: na (América do Norte), eu (Europa), fe (Extremo Oriente).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="178" />
            <source>Sales channel</source>
            <translation>Canal de vendas</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="71" />
            <source>Scale</source>
            <translation>Balança</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="77" />
            <source>Scale device</source>
            <translation>Dispositivo da balança</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="132" />
            <source>Scanner</source>
            <translation>Leitor</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="160" />
            <source>Seller Central app</source>
            <translation>Aplicativo do Seller Central</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="155" />
            <source>Seller Central app for sending web-shop orders to Amazon's network.</source>
            <translation>Aplicativo do Seller Central para enviar pedidos da loja virtual à rede da Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="154" />
            <source>Seller connection (MCF)</source>
            <translation>Conexão de vendedor (MCF)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="170" />
            <source>Seller environment</source>
            <translation>Ambiente do vendedor</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="168" />
            <source>Seller region</source>
            <translation>Região do vendedor</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="159" />
            <source>Send web-shop orders to Amazon's network from this station.</source>
            <translation>Enviar pedidos da loja virtual à rede da Amazon a partir desta estação.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="84" />
            <source>Serial only.</source>
            <translation>Só serial.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="85" />
            <source>Serial protocol</source>
            <translation>Protocolo serial</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="83" />
            <source>Serial speed (baud)</source>
            <translation>Velocidade serial (baud)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="13" />
            <source>Settings format version</source>
            <translation>Versão do formato das configurações</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="104" />
            <source>Shifts the print down (positive) or up (negative).</source>
            <translation>Move a impressão para baixo (positivo) ou para cima (negativo).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="102" />
            <source>Shifts the print right (positive) or left (negative).</source>
            <translation>Move a impressão para a direita (positivo) ou para a esquerda (negativo).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="69" />
            <source>Shipping scale</source>
            <translation>Balança de expedição</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="141" />
            <source>Shorter bursts are treated as typing, not scans.</source>
            <translation>Sequências mais curtas são tratadas como digitação, não como leitura.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="111" />
            <source>Shown to the packer.</source>
            <translation>Mostrado ao embalador.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="180" />
            <source>Site database (warehouse mode)</source>
            <translation>Banco de dados do site (modo armazém)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="40" />
            <source>Standard Carrier Alpha Code of the vendor's own carrier (North America).</source>
            <translation>Standard Carrier Alpha Code da transportadora própria do fornecedor (América do Norte).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="45" />
            <source>Station id</source>
            <translation>ID da estação</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="136" />
            <source>Suffix</source>
            <translation>Sufixo</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="120" />
            <source>Tare weight</source>
            <translation>Peso da caixa vazia</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="142" />
            <source>Terminators</source>
            <translation>Terminadores</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="191" />
            <source>The bench's name or number shown to other benches (warehouse mode).</source>
            <translation>O nome ou número da bancada mostrado às outras bancadas (modo armazém).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="32" />
            <source>The label format Amazon sends for this warehouse, when known (auto: detect).</source>
            <translation>O formato de etiqueta que a Amazon envia para este armazém, se conhecido (auto: detectar).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="165" />
            <source>The marketplace id whose FBA stock fulfils the orders (US: ATVPDKIKX0DER).</source>
            <translation>O id do marketplace cujo estoque FBA atende os pedidos (EUA: ATVPDKIKX0DER).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="106" />
            <source>The office printer for packing slips and invoices.</source>
            <translation>A impressora comum para notas de conteúdo e faturas.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="96" />
            <source>The paper or label size loaded.</source>
            <translation>O tamanho do papel ou da etiqueta carregado.</translation>
        </message>
        <message>
            <source>The printer's resolution in dots/inch.</source>
            <translation type="vanished">A resolução da impressora em pontos por polegada.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="63" />
            <source>The printer's resolution in dots/inch. Amazon's PNG labels are drawn for 203 dpi: a 300-dpi printer prints them at two thirds of their size, so use a 203-dpi label printer or set the warehouse's label format to ZPL.</source>
            <translation>A resolução da impressora em pontos/polegada. As etiquetas PNG da Amazon são desenhadas para 203 dpi: uma impressora de 300 dpi as imprime com dois terços do tamanho; use uma impressora de etiquetas de 203 dpi ou defina o formato de etiqueta do armazém como ZPL.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="24" />
            <source>The selling party id (vendor code) orders are placed with.</source>
            <translation>O party ID de venda (código de fornecedor) dos pedidos.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="28" />
            <source>The ship-from party id Amazon assigned to this warehouse.</source>
            <translation>O party ID de origem que a Amazon atribuiu a este armazém.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="26" />
            <source>The ship-from warehouses this station packs for.</source>
            <translation>Os armazéns de origem para os quais esta estação embala.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="52" />
            <source>The thermal printer for shipping labels (4x6 in).</source>
            <translation>A impressora térmica para as etiquetas de envio (4x6 pol).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="36" />
            <source>The vendor ships with its own carrier and sends shipment status updates.</source>
            <translation>O fornecedor envia com transportadora própria e informa a situação das entregas.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="78" />
            <source>USB: VENDOR:PRODUCT in hex (0922:8003 is a DYMO M10), empty for the first USB scale found; serial: the port (/dev/ttyUSB0, COM3).</source>
            <translation>USB: FABRICANTE:PRODUTO em hexadecimal (0922:8003 é uma DYMO M10), vazio para a primeira balança USB encontrada; serial: a porta (/dev/ttyUSB0, COM3).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="22" />
            <source>Vendor Direct Fulfillment API version: v1 or 2021-12-28.</source>
            <translation>Versão da API do Vendor Direct Fulfillment: v1 ou 2021-12-28.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="23" />
            <source>Vendor code</source>
            <translation>Código de fornecedor</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="35" />
            <source>Vendor-own carrier</source>
            <translation>Transportadora própria</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="144" />
            <source>Verify items</source>
            <translation>Conferir itens</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="14" />
            <source>Version of this file's format; written by the station.</source>
            <translation>Versão do formato deste arquivo; gravada pela estação.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="103" />
            <source>Vertical offset (dots)</source>
            <translation>Deslocamento vertical (pontos)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="27" />
            <source>Warehouse code</source>
            <translation>Código do armazém</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="25" />
            <source>Warehouses</source>
            <translation>Armazéns</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="121" />
            <source>Weight of the empty box.</source>
            <translation>Peso da caixa vazia (tara).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="122" />
            <source>Weight unit</source>
            <translation>Unidade de peso</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="86" />
            <source>What the serial scale answers to W&lt;CR&gt;: nci (NCI / SCP-01) or sma.</source>
            <translation>O que a balança serial responde a W&lt;CR&gt;: nci (NCI / SCP-01) ou sma.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="54" />
            <source>Where to print: tcp://HOST:9100, cups://QUEUE, windows://PRINTER NAME, qt://NAME or file:///FOLDER. Empty means not configured.</source>
            <translation>Onde imprimir: tcp://HOST:9100, cups://FILA, windows://NOME DA IMPRESSORA, qt://NOME ou file:///PASTA. Vazio significa não configurada.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="114" />
            <source>Width</source>
            <translation>Largura</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="98" />
            <source>ZPL darkness (0-30, ~SD). Empty keeps the printer's own setting.</source>
            <translation>Escurecimento ZPL (0-30, ~SD). Vazio mantém o ajuste da própria impressora.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/form.py" line="469" />
            <source>contains characters that are not allowed here (see the field's tip)</source>
            <translation>contém caracteres que não são permitidos aqui (veja a dica do campo)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="72" />
            <source>none: weights are typed; hid: a USB point-of-sale scale (DYMO M10/M25, Mettler-Toledo and others); serial: a scale on a serial port, asked with W&lt;CR&gt;.</source>
            <translation>none: os pesos são digitados; hid: uma balança USB de ponto de venda (DYMO M10/M25, Mettler-Toledo e outras); serial: uma balança numa porta serial, consultada com W&lt;CR&gt;.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="161" />
            <source>private: self-authorised, paste the refresh token; public: authorise by OAuth.</source>
            <translation>privado: autorizado por você mesmo, cole o token de atualização; público: autorize por OAuth.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="18" />
            <source>production (real orders), sandbox (Amazon's test data) or the simulator.</source>
            <translation>production (pedidos reais), sandbox (dados de teste da Amazon) ou o simulador.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="171" />
            <source>production, sandbox (Amazon's test data) or the simulator.</source>
            <translation>produção, sandbox (dados de teste da Amazon) ou o simulador.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/field_texts.py" line="59" />
            <source>zpl: send ZPL to a thermal printer; driver: print through the driver.</source>
            <translation>zpl: envia ZPL para uma impressora térmica; driver: imprime pelo driver.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="156" />
            <source>Changes take effect when the station is restarted.</source>
            <translation>As alterações valem depois de reiniciar a estação.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="151" />
            <source>Credentials</source>
            <translation>Credenciais</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="182" />
            <source>Drop your changes?</source>
            <translation>Descartar as alterações?</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="212" />
            <source>Find printers</source>
            <translation>Procurar impressoras</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="80" />
            <source>General</source>
            <translation>Geral</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="256" />
            <source>Not saved: {count} setting(s) need correcting (shown in red).</source>
            <translation>Não foi salvo: {count} configuração(ões) precisam de correção (em vermelho).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="155" />
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="139" />
            <source>Station settings</source>
            <translation>Configurações da estação</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="207" />
            <source>Test label</source>
            <translation>Testar etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="210" />
            <source>Test slip</source>
            <translation>Testar nota</translation>
        </message>
        <message>
            <location filename="../../ui/settings/dialog.py" line="183" />
            <source>The settings you changed are not saved. Close without saving them?</source>
            <translation>As configurações alteradas não foram salvas. Fechar sem salvá-las?</translation>
        </message>
    </context>
    <context>
        <name>SettingsRefusals</name>
        <message>
            <location filename="../../ui/settings/refusals.py" line="40" />
            <source>Set this printer: the station cannot start without it</source>
            <translation>Configure esta impressora: a estação não inicia sem ela</translation>
        </message>
    </context>
    <context>
        <name>SitePage</name>
        <message>
            <location filename="../../ui/settings/site.py" line="307" />
            <source>Ask Amazon about PO {po} (transaction {transaction}): accepted, but its status cannot be read</source>
            <translation>Pergunte à Amazon sobre o PO {po} (transação {transaction}): aceito, mas o status não pode ser lido</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="264" />
            <source>Asking the site database…</source>
            <translation>Consultando o banco de dados do site…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="102" />
            <source>Bench name or number</source>
            <translation>Nome ou número da bancada</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="294" />
            <source>Bench {bench} ({station}): {claims} order(s) claimed, last seen {seen}</source>
            <translation>Bancada {bench} ({station}): {claims} pedido(s) reservado(s), vista por último às {seen}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="103" />
            <source>Database password</source>
            <translation>Senha do banco de dados</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="329" />
            <source>Handing over this bench's confirmations, then leaving…</source>
            <translation>Entregando as confirmações desta bancada e saindo…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="82" />
            <source>Join a site</source>
            <translation>Entrar em um site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="117" />
            <source>Join the site</source>
            <translation>Entrar no site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="239" />
            <source>Joined the site at {where} as bench {bench}. Restart the station to pack as a bench of the site.</source>
            <translation>Entrou no site em {where} como bancada {bench}. Reinicie a estação para embalar como bancada do site.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="209" />
            <source>Joining the site…</source>
            <translation>Entrando no site…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="127" />
            <source>Leave the site</source>
            <translation>Sair do site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="322" />
            <source>Leave the site from the running station (Settings of the packing screen): its confirmations are handed over first.</source>
            <translation>Saia do site pela estação em funcionamento (Configurações da tela de embalagem): as confirmações dela são entregues antes.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="177" />
            <source>Not joined: see the field marked in red.</source>
            <translation>Não entrou: veja o campo marcado em vermelho.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="343" />
            <source>Not left: {reason}</source>
            <translation>Não saiu: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="124" />
            <source>Show the site's state</source>
            <translation>Mostrar o estado do site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="104" />
            <source>Site data key</source>
            <translation>Chave de dados do site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="101" />
            <source>Site database URL</source>
            <translation>URL do banco de dados do site</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="288" />
            <source>Site database at {where} (schema {version}).</source>
            <translation>Banco de dados do site em {where} (esquema {version}).</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="304" />
            <source>Site outbox: {counts}</source>
            <translation>Fila de saída do site: {counts}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="201" />
            <source>This station has no settings file to save the site in.</source>
            <translation>Esta estação não tem arquivo de configurações onde guardar o site.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="156" />
            <source>This station is bench {bench} of the site at {url}.</source>
            <translation>Esta estação é a bancada {bench} do site em {url}.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="162" />
            <source>This station is not part of a site: it keeps its own journal.</source>
            <translation>Esta estação não faz parte de um site: ela mantém o próprio diário.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="354" />
            <source>This station left the site; its password and site data key were removed from the keyring. Restart the station to pack on its own journal.</source>
            <translation>Esta estação saiu do site; a senha e a chave de dados do site foram removidas do chaveiro. Reinicie a estação para embalar com o próprio diário.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="206" />
            <source>Type the site data key the lead wrote down.</source>
            <translation>Digite a chave de dados do site que o líder anotou.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="68" />
            <source>Warehouse mode: the benches of a site share which bench packs which order, one outbox and one Amazon quota in one PostgreSQL database. The password and the site data key are kept in this computer's keyring, never in the settings file.</source>
            <translation>Modo armazém: as bancadas de um site compartilham qual bancada embala qual pedido, uma fila de saída e uma cota da Amazon em um banco de dados PostgreSQL. A senha e a chave de dados do site ficam no chaveiro deste computador, nunca no arquivo de configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="92" />
            <source>as `station site init` showed it</source>
            <translation>como `station site init` a mostrou</translation>
        </message>
        <message>
            <location filename="../../ui/settings/site.py" line="304" />
            <source>empty</source>
            <translation>vazia</translation>
        </message>
    </context>
    <context>
        <name>SiteStatus</name>
        <message>
            <location filename="../../ui/site_status.py" line="44" />
            <source>A PO this bench has not claimed cannot be packed now: put it aside and scan it again when the site database is back. Nothing is lost.
{detail}</source>
            <translation>Um PO que esta bancada ainda não reservou não pode ser embalado agora: separe-o e escaneie de novo quando o banco de dados do site voltar. Nada se perde.
{detail}</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="35" />
            <source>○ Site database: not checked</source>
            <translation>○ Banco de dados do site: não verificado</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="55" />
            <source>✔ Site database: online (bench {bench})</source>
            <translation>✔ Banco de dados do site: online (bancada {bench})</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="40" />
            <source>✖ Site database away — packing only the orders this bench already claimed ({claimed}); confirmations are kept here ({waiting}) and handed over when it is back</source>
            <translation>✖ Banco de dados do site fora do ar — embalando só os pedidos que esta bancada já reservou ({claimed}); as confirmações ficam guardadas aqui ({waiting}) e são entregues quando ele voltar</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="37" />
            <source>✖ Site database away: {claimed} claimed · {waiting} kept here</source>
            <translation>✖ Banco do site fora do ar: {claimed} reservados · {waiting} aqui</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="51" />
            <source>⟳ Site database back — handing over {waiting} confirmation(s)</source>
            <translation>⟳ Banco de dados do site de volta — entregando {waiting} confirmação(ões)</translation>
        </message>
        <message>
            <location filename="../../ui/site_status.py" line="50" />
            <source>⟳ Site database back: handing over {waiting}</source>
            <translation>⟳ Banco de dados do site de volta: entregando {waiting}</translation>
        </message>
    </context>
    <context>
        <name>StartupWindow</name>
        <message>
            <location filename="../../ui/startup.py" line="141" />
            <source>Packing Station</source>
            <translation>Packing Station</translation>
        </message>
        <message>
            <location filename="../../ui/startup.py" line="165" />
            <source>Scan a PO barcode</source>
            <translation>Escaneie o código do PO</translation>
        </message>
        <message>
            <location filename="../../ui/startup.py" line="167" />
            <source>Starting the station… you can scan already.</source>
            <translation>Iniciando a estação… você já pode escanear.</translation>
        </message>
        <message>
            <location filename="../../ui/startup.py" line="173" />
            <source>Starting…</source>
            <translation>Iniciando…</translation>
        </message>
        <message>
            <location filename="../../ui/startup.py" line="187" />
            <source>{count} scan(s) kept: they are handled as soon as the station is ready.</source>
            <translation>{count} leitura(s) guardada(s): serão tratadas assim que a estação estiver pronta.</translation>
        </message>
    </context>
    <context>
        <name>StationApp</name>
        <message>
            <location filename="../../ui/app.py" line="203" />
            <source>Open Settings</source>
            <translation>Abrir as configurações</translation>
        </message>
        <message>
            <source>Settings saved</source>
            <translation type="vanished">Configurações salvas</translation>
        </message>
        <message>
            <source>Start the station again to use them.</source>
            <translation type="vanished">Inicie a estação de novo para usá-las.</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="199" />
            <source>The station cannot start</source>
            <translation>A estação não pode iniciar</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="200" />
            <source>What to do: {hint}</source>
            <translation>O que fazer: {hint}</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="130" />
            <source>⚠ Serial scanner</source>
            <translation>⚠ Leitor serial</translation>
        </message>
    </context>
    <context>
        <name>StatusUpdates</name>
        <message>
            <source>Cannot read {path}: {error}</source>
            <translation type="vanished">Não foi possível ler {path}: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="103" />
            <source>Choose the carrier event.</source>
            <translation>Escolha o evento da transportadora.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="111" />
            <source>Country must be a two-letter code, not {value!r}.</source>
            <translation>O país deve ser um código de duas letras, não {value!r}.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="69" />
            <source>Delayed</source>
            <translation>Atrasado</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="68" />
            <source>Delivered</source>
            <translation>Entregue</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="61" />
            <source>Departed from the warehouse</source>
            <translation>Saiu do armazém</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="91" />
            <source>Enter the PO number.</source>
            <translation>Informe o número do pedido.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="96" />
            <source>Enter the package's tracking number.</source>
            <translation>Informe o código de rastreio do volume.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="114" />
            <source>For example US, GB or DE.</source>
            <translation>Por exemplo US, GB ou DE.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="64" />
            <source>In transit</source>
            <translation>Em trânsito</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="70" />
            <source>Lost</source>
            <translation>Extraviado</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="65" />
            <source>Out for delivery</source>
            <translation>Saiu para entrega</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="104" />
            <source>Pick what happened.</source>
            <translation>Escolha o que aconteceu.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="71" />
            <source>Rejected by the customer</source>
            <translation>Recusado pelo cliente</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="92" />
            <source>Scan or type the PO.</source>
            <translation>Escaneie ou digite o PO.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="97" />
            <source>Scan the tracking barcode on the label, or pick it from the list.</source>
            <translation>Escaneie o código de rastreio na etiqueta ou escolha-o na lista.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="74" />
            <source>Undeliverable</source>
            <translation>Não entregável</translation>
        </message>
    </context>
    <context>
        <name>StatusUpdatesWindow</name>
        <message>
            <location filename="../../ui/status_updates.py" line="139" />
            <source>Carrier status updates</source>
            <translation>Situação das entregas (transportadora)</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="191" />
            <source>City</source>
            <translation>Cidade</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="193" />
            <source>Country</source>
            <translation>País</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="189" />
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="147" />
            <source>For warehouses that ship with their own carrier ({warehouses}): record where each package is. Amazon needs these events for every package it did not carry.</source>
            <translation>Para armazéns que enviam com transportadora própria ({warehouses}): registre onde está cada volume. A Amazon precisa destes eventos para cada volume que ela não transportou.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="200" />
            <source>Import carrier CSV…</source>
            <translation>Importar CSV da transportadora…</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="350" />
            <source>Import carrier events</source>
            <translation>Importar eventos da transportadora</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="364" />
            <source>Importing…</source>
            <translation>Importando…</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="378" />
            <source>Line {row}: {error}</source>
            <translation>Linha {row}: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="156" />
            <source>No warehouse is marked 'Vendor-own carrier' in Settings, so every update will be refused.</source>
            <translation>Nenhum armazém está marcado como 'Transportadora própria' nas Configurações, então toda atualização será recusada.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="212" />
            <source>PO</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="187" />
            <source>PO number</source>
            <translation>Número do pedido</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="192" />
            <source>Postal code</source>
            <translation>CEP</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="212" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="340" />
            <source>Queued: {event} for {po} (outbox item {id}). It is sent automatically.</source>
            <translation>Na fila: {event} para {po} (item {id} da fila de envio). Será enviado automaticamente.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="197" />
            <source>Record event</source>
            <translation>Registrar evento</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="327" />
            <source>Recording…</source>
            <translation>Registrando…</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="169" />
            <source>Scan the PO</source>
            <translation>Escaneie o PO</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="212" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="188" />
            <source>Tracking number</source>
            <translation>Código de rastreio</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="212" />
            <source>Updated</source>
            <translation>Atualizado</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="190" />
            <source>When</source>
            <translation>Quando</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="150" />
            <source>none configured</source>
            <translation>nenhum configurado</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="288" />
            <source>{po} has no confirmation accepted by Amazon on this station yet.</source>
            <translation>{po} ainda não tem confirmação aceita pela Amazon nesta estação.</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="300" />
            <source>{po}: {count} package(s) confirmed.</source>
            <translation>{po}: {count} volume(s) confirmado(s).</translation>
        </message>
        <message>
            <location filename="../../ui/status_updates.py" line="373" />
            <source>{queued} update(s) queued, {refused} refused.</source>
            <translation>{queued} atualização(ões) na fila, {refused} recusada(s).</translation>
        </message>
    </context>
    <context>
        <name>StepIndicator</name>
        <message>
            <location filename="../../ui/widgets/step_indicator.py" line="35" />
            <source>Boxes</source>
            <translation>Caixas</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/step_indicator.py" line="36" />
            <source>Confirmed</source>
            <translation>Confirmado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/step_indicator.py" line="33" />
            <source>Label printed</source>
            <translation>Etiqueta impressa</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/step_indicator.py" line="32" />
            <source>Scanned</source>
            <translation>Escaneado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/step_indicator.py" line="34" />
            <source>Slip printed</source>
            <translation>Nota impressa</translation>
        </message>
    </context>
    <context>
        <name>Support</name>
        <message>
            <location filename="../../ui/support.py" line="223" />
            <source>Cannot write the support bundle to {path}: {error}</source>
            <translation>Não foi possível gravar o pacote de suporte em {path}: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/support.py" line="226" />
            <source>Choose another folder (for example Documents) and try again.</source>
            <translation>Escolha outra pasta (por exemplo Documentos) e tente de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/support.py" line="247" />
            <source>Save the support bundle</source>
            <translation>Salvar o pacote de suporte</translation>
        </message>
        <message>
            <location filename="../../ui/support.py" line="288" />
            <source>Saved {path}. Send this file to IT; it holds no customer data.</source>
            <translation>Salvo em {path}. Envie este arquivo para a TI; ele não contém dados de clientes.</translation>
        </message>
        <message>
            <location filename="../../ui/support.py" line="279" />
            <location filename="../../ui/support.py" line="287" />
            <source>Support bundle</source>
            <translation>Pacote de suporte</translation>
        </message>
    </context>
    <context>
        <name>VendorPage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="172" />
            <source>The codes Amazon assigned: the vendor code and this warehouse's party id.</source>
            <translation>Os códigos que a Amazon atribuiu: o código de fornecedor e o party ID deste armazém.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="170" />
            <source>Vendor and warehouse</source>
            <translation>Fornecedor e armazém</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../ui/settings/wizard.py" line="140" />
            <source>Or press Next to set up this station.</source>
            <translation>Ou clique em Avançar para configurar esta estação.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="120" />
            <source>This assistant connects the station to Amazon Vendor Direct Fulfillment: region, vendor and warehouse codes, SP-API credentials, printers and box sizes.

Just looking? Demo mode runs the whole packing flow on a built-in simulator with printers that write files. Nothing is sent to Amazon.</source>
            <translation>Este assistente conecta a estação ao Amazon Vendor Direct Fulfillment: região, códigos de fornecedor e armazém, credenciais da SP-API, impressoras e tamanhos de caixa.

Só quer conhecer? O modo demonstração roda todo o fluxo de embalagem em um simulador embutido, com impressoras que gravam arquivos. Nada é enviado à Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="129" />
            <source>Try demo mode</source>
            <translation>Experimentar o modo demonstração</translation>
        </message>
        <message>
            <location filename="../../ui/settings/wizard.py" line="117" />
            <source>Welcome to Packing Station</source>
            <translation>Bem-vindo à Packing Station</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <location filename="../../ui/worker.py" line="209" />
            <source>Try again. If it happens again, export a support bundle and contact IT.</source>
            <translation>Tente de novo. Se acontecer outra vez, exporte um pacote de suporte e chame a TI.</translation>
        </message>
        <message>
            <location filename="../../ui/worker.py" line="206" />
            <source>Unexpected error while {task}: {kind}: {detail}</source>
            <translation>Erro inesperado ({task}): {kind}: {detail}</translation>
        </message>
    </context>
    <context>
        <name>WorkflowTexts</name>
        <message>
            <location filename="../../ui/workflow_texts.py" line="350" />
            <source>'{part}' in '{text}' is not LINE=QTY</source>
            <translation>'{part}' em '{text}' não é LINHA=QTD</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="719" />
            <source>'{text}' is a command barcode, not a PO</source>
            <translation>'{text}' é um código de comando, não um PO</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="246" />
            <source>'{text}' is not a PO number: it has signs or spaces</source>
            <translation>'{text}' não é um número de PO: tem sinais ou espaços</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="250" />
            <source>'{text}' is not a PO number: it is {n} characters long</source>
            <translation>'{text}' não é um número de PO: tem {n} caracteres</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="335" />
            <source>'{text}' is not a box</source>
            <translation>'{text}' não é uma caixa</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="733" />
            <source>'{text}' is not an item barcode</source>
            <translation>'{text}' não é um código de barras de item</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="965" />
            <source>(no warehouse)</source>
            <translation>(sem armazém)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="264" />
            <source>A PO number has {low} to {high} letters and digits</source>
            <translation>Um número de PO tem de {low} a {high} letras e algarismos</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="328" />
            <source>A box's contents name a line and a quantity above zero (got {line}={qty})</source>
            <translation>O conteúdo da caixa indica uma linha e uma quantidade acima de zero (veio {line}={qty})</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="56" />
            <source>Accepting PO {po} at Amazon</source>
            <translation>Aceitando o PO {po} na Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="196" />
            <source>All {n} of item {code} are already scanned</source>
            <translation>Todos os {n} do item {code} já foram escaneados</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1136" />
            <location filename="../../ui/workflow_texts.py" line="1176" />
            <source>Amazon asks the station to slow down.</source>
            <translation>A Amazon pede que a estação vá mais devagar.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="993" />
            <location filename="../../ui/workflow_texts.py" line="1183" />
            <source>Amazon cannot be reached over the network.</source>
            <translation>Não é possível falar com a Amazon pela rede.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1153" />
            <source>Amazon did not accept the request.</source>
            <translation>A Amazon não aceitou o pedido.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1108" />
            <location filename="../../ui/workflow_texts.py" line="1178" />
            <source>Amazon did not accept the station's login.</source>
            <translation>A Amazon não aceitou o login da estação.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1100" />
            <location filename="../../ui/workflow_texts.py" line="1182" />
            <source>Amazon did not answer; the request may have arrived.</source>
            <translation>A Amazon não respondeu; o pedido pode ter chegado.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="504" />
            <source>Amazon did not say what state PO {po} is in</source>
            <translation>A Amazon não disse em que situação está o PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="102" />
            <source>Amazon does not know PO {po}</source>
            <translation>A Amazon não conhece o PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1124" />
            <source>Amazon does not know what was asked for.</source>
            <translation>A Amazon não conhece o que foi pedido.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="548" />
            <source>Amazon has no {doc} for PO {po}</source>
            <translation>A Amazon não tem {doc} para o PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1129" />
            <source>Amazon refused the request as invalid.</source>
            <translation>A Amazon recusou o pedido como inválido.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1116" />
            <location filename="../../ui/workflow_texts.py" line="1180" />
            <source>Amazon refused this station access.</source>
            <translation>A Amazon recusou o acesso desta estação.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="670" />
            <source>Amazon sent PO {po} without its items</source>
            <translation>A Amazon enviou o PO {po} sem os itens</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="640" />
            <source>Amazon sent an empty label for PO {po}</source>
            <translation>A Amazon enviou uma etiqueta vazia para o PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="593" />
            <source>Amazon's answer about PO {po} was about PO {other}: refused, nothing printed or sent</source>
            <translation>A resposta da Amazon sobre o PO {po} era sobre o PO {other}: recusada, nada foi impresso nem enviado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1146" />
            <source>Amazon's answer could not be read.</source>
            <translation>Não foi possível ler a resposta da Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1141" />
            <source>Amazon's service had a problem.</source>
            <translation>O serviço da Amazon teve um problema.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="905" />
            <source>Another bench took this PO meanwhile: do not ship it here.</source>
            <translation>Outra bancada pegou este PO enquanto isso: não o envie daqui.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="456" />
            <source>Another desk already shipped PO {po}: HOLD THIS BOX, do not send it</source>
            <translation>Outra bancada já enviou o PO {po}: SEGURE ESTA CAIXA, não a envie</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="68" />
            <source>Asking Amazon for the label of PO {po} ({n} box(es))</source>
            <translation>Pedindo à Amazon a etiqueta do PO {po} ({n} caixa(s))</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="441" />
            <source>Box {n} is empty</source>
            <translation>A caixa {n} está vazia</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1125" />
            <source>Check the PO number and scan it again.</source>
            <translation>Confira o número do PO e escaneie-o de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="106" />
            <source>Check the PO number on the packing list and scan it again, or ask the lead.</source>
            <translation>Confira o número do PO na lista e escaneie de novo, ou chame o líder.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1130" />
            <source>Check the boxes and try again; if it happens again, tell the lead.</source>
            <translation>Confira as caixas e tente de novo; se acontecer de novo, avise o líder.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="626" />
            <source>Check the boxes; if it happens again, tell the lead (support bundle).</source>
            <translation>Confira as caixas; se acontecer de novo, avise o líder (pacote de suporte).</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="994" />
            <source>Check the network cable or Wi-Fi, then scan again; nothing was lost.</source>
            <translation>Verifique o cabo de rede ou o Wi-Fi e escaneie de novo; nada foi perdido.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="873" />
            <source>Check the printer's cable, power and paper, then press Reprint.</source>
            <translation>Confira o cabo, a energia e o papel da impressora e aperte Reimprimir.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="776" />
            <source>Choose USB (hid) or serial in Settings.</source>
            <translation>Escolha USB (hid) ou serial nas Configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="823" />
            <source>Correct the boxes (or ask the lead to correct the settings named) and confirm again.</source>
            <translation>Corrija as caixas (ou peça ao líder que corrija as configurações citadas) e confirme de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="420" />
            <source>Correct what each box holds: the order ships exactly what was ordered</source>
            <translation>Corrija o conteúdo das caixas: o pedido sai exatamente como foi pedido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="130" />
            <source>Do not pack it here: another warehouse ships this order. Nothing was sent to Amazon; if this station should pack it, the lead adds the warehouse in Settings.</source>
            <translation>Não embale este pedido aqui: outro armazém o envia. Nada foi enviado à Amazon; se esta estação deve embalá-lo, o líder adiciona o armazém em Configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="180" />
            <source>Do not print or ship it here: give it to that bench, or ask the lead to free it for this bench.</source>
            <translation>Não imprima nem envie daqui: entregue-o àquela bancada, ou peça ao líder que o libere para esta bancada.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="897" />
            <source>Do not print or ship it here: give it to that bench, or ask the lead to release it.</source>
            <translation>Não imprima nem envie aqui: entregue-o àquela bancada, ou peça ao líder que o libere.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1101" />
            <source>Do not send it again by hand: the station checks with Amazon before it retries.</source>
            <translation>Não o envie de novo à mão: a estação confere com a Amazon antes de tentar de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="663" />
            <source>Do not ship with it. Ask the warehouse lead to contact Amazon Vendor Central.</source>
            <translation>Não envie com ela. Peça ao líder do armazém que contate o Vendor Central da Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="364" />
            <source>Enter at least one box</source>
            <translation>Informe pelo menos uma caixa</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="541" />
            <source>Enter the box to get the label.</source>
            <translation>Informe a caixa para obter a etiqueta.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="569" />
            <source>Enter the boxes first.</source>
            <translation>Informe as caixas primeiro.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="434" />
            <source>Every unit must be packed: Amazon refuses partial shipments</source>
            <translation>Todas as unidades devem ser embaladas: a Amazon recusa envios parciais</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="216" />
            <source>Fix the label printer and reprint, then confirm.</source>
            <translation>Conserte a impressora de etiquetas e reimprima; depois confirme.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="60" />
            <source>Getting the label of PO {po}</source>
            <translation>Buscando a etiqueta do PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="755" />
            <source>IT installs it ({package}), or the lead sets the scale to {instead} in Settings.</source>
            <translation>A TI a instala ({package}), ou o líder muda a balança para {instead} nas Configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="188" />
            <source>Item {code} is not on PO {po}</source>
            <translation>O item {code} não está no PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="633" />
            <source>Label {n} of PO {po} cannot be printed: Amazon sent it damaged</source>
            <translation>A etiqueta {n} do PO {po} não pode ser impressa: a Amazon a enviou danificada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="399" />
            <source>Line {line} is not on this PO</source>
            <translation>A linha {line} não é deste PO</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="392" />
            <source>List the contents of every box but one</source>
            <translation>Informe o conteúdo de todas as caixas menos uma</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="357" />
            <source>List the lines in the box as LINE=QTY, e.g. @1=2,2=1</source>
            <translation>Liste as linhas da caixa como LINHA=QTD, p. ex. @1=2,2=1</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="53" />
            <source>Looking up PO {po}</source>
            <translation>Consultando o PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="291" />
            <source>Measure the box again and type the {what}</source>
            <translation>Meça a caixa de novo e digite o campo {what}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="385" />
            <source>More than one box has no contents listed</source>
            <translation>Mais de uma caixa está sem conteúdo informado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="230" />
            <source>No box was entered</source>
            <translation>Nenhuma caixa foi informada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="584" />
            <source>Not sent yet; it goes out by itself</source>
            <translation>Ainda não enviado; sai sozinho</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="920" />
            <source>Only POs this bench already holds can be packed now. Put this one aside until the status bar says the site is back.</source>
            <translation>Só os POs que esta bancada já tem podem ser embalados agora. Separe este até a barra de status dizer que o site voltou.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="151" />
            <source>PO {po} cannot be claimed for this bench: the site database is away</source>
            <translation>O PO {po} não pode ser reservado para esta bancada: o banco de dados do site está fora do ar</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="912" />
            <source>PO {po} cannot be reserved for this bench: the site database is away</source>
            <translation>O PO {po} não pode ser reservado para esta bancada: o banco de dados do site está fora</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="928" />
            <source>PO {po} could not be reserved for this bench</source>
            <translation>O PO {po} não pôde ser reservado para esta bancada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="684" />
            <source>PO {po} has a line without a proper line number</source>
            <translation>O PO {po} tem uma linha sem número de linha válido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="677" />
            <source>PO {po} has no items: there is nothing to pack</source>
            <translation>O PO {po} não tem itens: não há nada para embalar</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="534" />
            <source>PO {po} has no label to reprint</source>
            <translation>O PO {po} não tem etiqueta para reimprimir</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="562" />
            <source>PO {po} has no label yet</source>
            <translation>O PO {po} ainda não tem etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="64" />
            <source>PO {po} has no label yet: enter the box to get it</source>
            <translation>O PO {po} ainda não tem etiqueta: informe a caixa para obtê-la</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="472" />
            <source>PO {po} has not been looked up yet</source>
            <translation>O PO {po} ainda não foi consultado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="691" />
            <source>PO {po} has two lines numbered {line}</source>
            <translation>O PO {po} tem duas linhas com o número {line}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="487" />
            <source>PO {po} has {count} label(s) but {cartons} box(es) were entered</source>
            <translation>O PO {po} tem {count} etiqueta(s), mas foram informadas {cartons} caixa(s)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="113" />
            <source>PO {po} is CANCELLED: do not ship it</source>
            <translation>O PO {po} está CANCELADO: não envie</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="167" />
            <source>PO {po} is being packed at bench {bench} ({who}) since {since}</source>
            <translation>O PO {po} está sendo embalado na bancada {bench} ({who}) desde {since}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="889" />
            <source>PO {po} is being packed at bench {bench} by {who} since {time}</source>
            <translation>O PO {po} está sendo embalado na bancada {bench} por {who} desde {time}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="698" />
            <source>PO {po} line {line} has no quantity</source>
            <translation>A linha {line} do PO {po} não tem quantidade</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="123" />
            <source>PO {po} ships from warehouse {there}; this station packs {here}</source>
            <translation>O PO {po} sai do armazém {there}; esta estação embala {here}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="138" />
            <source>PO {po} was CANCELLED since the shift began: do not ship it</source>
            <translation>O PO {po} foi CANCELADO desde o início do turno: não envie</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="173" />
            <source>PO {po} was already packed at bench {bench} ({who}) at {since}</source>
            <translation>O PO {po} já foi embalado na bancada {bench} ({who}) às {since}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="97" />
            <source>PO {po} was already shipped</source>
            <translation>O PO {po} já foi enviado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="93" />
            <source>PO {po} was already shipped by {who}</source>
            <translation>O PO {po} já foi enviado por {who}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="220" />
            <source>PO {po} was already shipped: it is never confirmed twice</source>
            <translation>O PO {po} já foi enviado: nunca é confirmado duas vezes</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="527" />
            <source>PO {po} was left: another PO was scanned meanwhile</source>
            <translation>O PO {po} foi deixado: outro PO foi escaneado enquanto isso</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="881" />
            <source>PO {po} was packed at bench {bench} by {who} ({time})</source>
            <translation>O PO {po} foi embalado na bancada {bench} por {who} ({time})</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="494" />
            <source>Pack it in {count} box(es), one per label: each box carries its own tracking number. If the items do not fit in {count} box(es), hold the order and ask the lead to have Amazon replace the label.</source>
            <translation>Embale em {count} caixa(s), uma por etiqueta: cada caixa leva o seu número de rastreio. Se os itens não couberem em {count} caixa(s), segure o pedido e peça ao líder que a Amazon troque a etiqueta.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="76" />
            <source>Printed: pack the items and enter the box</source>
            <translation>Impresso: embale os itens e informe a caixa</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="72" />
            <source>Printing the label and papers of PO {po}</source>
            <translation>Imprimindo a etiqueta e os papéis do PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="144" />
            <source>Put the items back and set its label aside; it will not ship.</source>
            <translation>Devolva os itens e separe a etiqueta; ele não será enviado.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="117" />
            <source>Put the items back; Amazon or the customer cancelled the order.</source>
            <translation>Devolva os itens; a Amazon ou o cliente cancelou o pedido.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="158" />
            <source>Put this order aside: while the site database is away, only orders this bench already claimed can be packed. Scan it again when the status bar says the site database is back; nothing was printed or sent for it.</source>
            <translation>Separe este pedido: enquanto o banco de dados do site estiver fora do ar, só os pedidos que esta bancada já reservou podem ser embalados. Escaneie de novo quando a barra de status disser que o banco de dados do site voltou; nada foi impresso nem enviado para ele.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="448" />
            <source>Remove the empty box or put items in it (Amazon refuses empty boxes)</source>
            <translation>Remova a caixa vazia ou coloque itens nela (a Amazon recusa caixas vazias)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="555" />
            <source>Reprint in a minute; Amazon may not have made it yet.</source>
            <translation>Reimprima daqui a um minuto; a Amazon pode ainda não tê-lo gerado.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="226" />
            <source>Reprint the label if needed; do not ship the order again.</source>
            <translation>Reimprima a etiqueta se precisar; não envie o pedido de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="845" />
            <source>Reprint; if it stays damaged, tell the lead, who reports the PO to Amazon.</source>
            <translation>Reimprima; se continuar danificado, avise o líder, que informa o PO à Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="89" />
            <source>Saving the shipment of PO {po}</source>
            <translation>Salvando o envio do PO {po}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="378" />
            <source>Say which lines go in which box (for every box but one at least)</source>
            <translation>Diga quais linhas vão em qual caixa (em todas as caixas menos uma, pelo menos)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="233" />
            <source>Scan a box barcode or type its size, then its weight.</source>
            <translation>Escaneie o código de uma caixa ou digite o tamanho e depois o peso.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="726" />
            <source>Scan command barcodes on the packing screen, or scan the PO barcode</source>
            <translation>Escaneie códigos de comando na tela de embalagem, ou escaneie o código do PO</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="208" />
            <source>Scan every item before closing the box.</source>
            <translation>Escaneie todos os itens antes de fechar a caixa.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="479" />
            <source>Scan it again.</source>
            <translation>Escaneie-o de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="942" />
            <source>Scan the PO again before printing or confirming.</source>
            <translation>Escaneie o PO de novo antes de imprimir ou confirmar.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="838" />
            <source>Scan the PO again to pack it.</source>
            <translation>Escaneie o PO de novo para embalá-lo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="257" />
            <source>Scan the PO barcode again; if it happens again, the scanner's settings need a look.</source>
            <translation>Escaneie o código do PO de novo; se acontecer outra vez, peça para verificarem as configurações do leitor.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="712" />
            <source>Scan the PO barcode on the packing list</source>
            <translation>Escaneie o código de barras do PO na lista de embalagem</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="852" />
            <source>Scan the barcode again, or type it and press Enter.</source>
            <translation>Escaneie o código de novo, ou digite-o e tecle Enter.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="740" />
            <source>Scan the barcode on the item (ASIN, SKU or EAN)</source>
            <translation>Escaneie o código de barras do item (ASIN, SKU ou EAN)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="511" />
            <source>Set it aside and have the lead check the order in Vendor Central; nothing was sent.</source>
            <translation>Separe-o e peça ao líder que veja o pedido no Vendor Central; nada foi enviado.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="464" />
            <source>Set the box and its label aside and tell the warehouse lead; the order left from another desk.</source>
            <translation>Separe a caixa e a etiqueta e avise o líder do armazém; o pedido saiu de outra bancada.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="611" />
            <source>Set the order aside and tell the warehouse lead, who checks it in Vendor Central. Nothing was sent to Amazon.</source>
            <translation>Separe o pedido e avise o líder do armazém, que o verifica no Vendor Central. Nada foi enviado à Amazon.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="791" />
            <source>Set the order aside and tell the warehouse lead.</source>
            <translation>Separe o pedido e avise o líder do armazém.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="602" />
            <source>Set the order aside and tell the warehouse lead: nothing was printed, accepted or confirmed for either PO.</source>
            <translation>Separe o pedido e avise o líder do armazém: nada foi impresso, aceito nem confirmado para nenhum dos dois POs.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="769" />
            <source>Set the scale's port in Settings (e.g. /dev/ttyUSB0 or COM3).</source>
            <translation>Defina a porta da balança nas Configurações (p. ex. /dev/ttyUSB0 ou COM3).</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="80" />
            <source>Something did not print: fix the printer, then reprint</source>
            <translation>Algo não foi impresso: conserte a impressora e reimprima</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="859" />
            <source>Switch the printer on (or resume it, or load labels), then press Reprint.</source>
            <translation>Ligue a impressora (ou retome-a, ou coloque etiquetas) e aperte Reimprimir.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="192" />
            <source>Take it out of the box: this order does not have it</source>
            <translation>Tire-o da caixa: este pedido não tem esse item</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="200" />
            <source>Take the extra item out: the order has fewer</source>
            <translation>Tire o item a mais: o pedido tem menos</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1117" />
            <source>Tell the warehouse lead or IT: the Amazon app's permissions need a look.</source>
            <translation>Avise o líder do armazém ou a TI: as permissões do aplicativo da Amazon precisam ser revistas.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1109" />
            <source>Tell the warehouse lead: the Amazon credentials in Settings need a look.</source>
            <translation>Avise o líder do armazém: as credenciais da Amazon nas Configurações precisam ser revistas.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="406" />
            <source>The PO's lines are {lines}</source>
            <translation>As linhas do PO são {lines}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="238" />
            <source>The box {what} {value} {unit} is not plausible</source>
            <translation>Medida da caixa ({what}) de {value} {unit} não é plausível</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="413" />
            <source>The boxes hold {n} more of line {line} than was ordered</source>
            <translation>As caixas levam {n} a mais da linha {line} do que o pedido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="619" />
            <source>The confirmation of PO {po} is not valid</source>
            <translation>A confirmação do PO {po} não é válida</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="577" />
            <source>The confirmation of PO {po} would name PO {other}: refused, nothing recorded or sent</source>
            <translation>A confirmação do PO {po} citaria o PO {other}: recusada, nada foi registrado nem enviado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="816" />
            <source>The label Amazon sent is damaged; reprint it, and if it stays damaged tell the lead.</source>
            <translation>A etiqueta enviada pela Amazon está danificada; reimprima e, se continuar assim, avise o líder.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="212" />
            <source>The label of PO {po} has not printed</source>
            <translation>A etiqueta do PO {po} não foi impressa</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="519" />
            <source>The label of PO {po} is for warehouse {there}, but the order ships from {here}: refused, nothing printed or sent</source>
            <translation>A etiqueta do PO {po} é do armazém {there}, mas o pedido sai de {here}: recusada, nada foi impresso nem enviado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="655" />
            <source>The label of PO {po} is from {date} and has expired (labels last 90 days)</source>
            <translation>A etiqueta do PO {po} é de {date} e venceu (etiquetas valem 90 dias)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="831" />
            <source>The lead corrects the setting named above in Settings; then try again.</source>
            <translation>O líder corrige a configuração citada nas Configurações; depois tente de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="866" />
            <source>The lead enters the Amazon credentials in Settings.</source>
            <translation>O líder informa as credenciais da Amazon nas Configurações.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="935" />
            <source>The lead released PO {po} from this bench</source>
            <translation>O líder liberou o PO {po} desta bancada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1003" />
            <source>The printer cannot print now:</source>
            <translation>A impressora não pode imprimir agora:</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1005" />
            <source>The printer did not take the document:</source>
            <translation>A impressora não recebeu o documento:</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="747" />
            <source>The scale needs the {package} library, which is not installed</source>
            <translation>A balança precisa da biblioteca {package}, que não está instalada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="705" />
            <source>The scan is empty</source>
            <translation>A leitura está vazia</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="762" />
            <source>The serial scale has no port set</source>
            <translation>A balança serial está sem porta definida</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="949" />
            <source>The shipment cannot be confirmed: {why}</source>
            <translation>O envio não pode ser confirmado: {why}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="808" />
            <source>The station cannot save its data. Tell IT: the disk may be full; then restart the station.</source>
            <translation>A estação não consegue gravar seus dados. Avise a TI: o disco pode estar cheio; depois reinicie a estação.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="242" />
            <source>The weight {value} {unit} is not plausible</source>
            <translation>O peso {value} {unit} não é plausível</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="298" />
            <source>The {what} '{text}' has too many decimals</source>
            <translation>O campo {what} '{text}' tem casas decimais demais</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="269" />
            <source>The {what} '{text}' is not a number</source>
            <translation>O campo {what} '{text}' não é um número</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="284" />
            <source>The {what} must be more than zero (got '{text}')</source>
            <translation>O campo {what} deve ser maior que zero (veio '{text}')</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="799" />
            <source>This PO already has a confirmation on its way or accepted: it is never confirmed twice. See History.</source>
            <translation>Este PO já tem uma confirmação a caminho ou aceita: nunca é confirmado duas vezes. Veja o Histórico.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="305" />
            <source>Three decimals at most, e.g. 1.255</source>
            <translation>No máximo três casas decimais, p. ex. 1,255</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1142" />
            <source>Try again in a minute.</source>
            <translation>Tente de novo daqui a um minuto.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1154" />
            <source>Try again in a moment; if it keeps failing, tell the lead.</source>
            <translation>Tente de novo em instantes; se continuar falhando, avise o líder.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="784" />
            <source>Try again. If it keeps happening, tell the lead (support bundle).</source>
            <translation>Tente de novo. Se continuar acontecendo, avise o líder (pacote de suporte).</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1147" />
            <source>Try again; if it happens again, tell the lead (support bundle).</source>
            <translation>Tente de novo; se acontecer de novo, avise o líder (pacote de suporte).</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="647" />
            <source>Try again; if it stays empty, the lead contacts Amazon Vendor Central</source>
            <translation>Tente de novo; se continuar vazia, o líder contata o Vendor Central da Amazon</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="313" />
            <source>Type a {what} between 0 and {max} {unit}</source>
            <translation>Digite um valor de {what} entre 0 e {max} {unit}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="276" />
            <source>Type the {what} as digits, e.g. 12.5</source>
            <translation>Digite o campo {what} em algarismos, p. ex. 12,5</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1137" />
            <source>Wait a few seconds and scan again.</source>
            <translation>Espere alguns segundos e escaneie de novo.</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="320" />
            <source>Weigh the box and type a weight between 0 and {max} {unit}</source>
            <translation>Pese a caixa e digite um peso entre 0 e {max} {unit}</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="343" />
            <source>Write a box as LxWxH{{in|cm}}:W{{kg|lb}}[@LINE=QTY,...], e.g. 12x8x4in:1.5kg@1=2</source>
            <translation>Escreva a caixa como CxLxA{{in|cm}}:P{{kg|lb}}[@LINHA=QTD,...], p. ex. 12x8x4in:1.5kg@1=2</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1040" />
            <source>aborted</source>
            <translation>cancelada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1063" />
            <source>accepts connections (no status query)</source>
            <translation>aceita conexões (sem consulta de estado)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1026" />
            <source>bad printhead element</source>
            <translation>cabeça com defeito</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1047" />
            <source>being deleted</source>
            <translation>sendo removida</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1037" />
            <source>black mark calibrate error</source>
            <translation>erro na calibração da marca preta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1038" />
            <source>black mark not found</source>
            <translation>marca preta não encontrada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1035" />
            <source>clear paper path failed</source>
            <translation>falha ao liberar o caminho do papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1074" />
            <source>connecting-to-device</source>
            <translation>conectando</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1023" />
            <source>cutter fault</source>
            <translation>falha no cortador</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1051" />
            <source>door open</source>
            <translation>porta aberta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1018" />
            <source>error</source>
            <translation>erro</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1066" />
            <source>folder will be created on the first job</source>
            <translation>a pasta será criada no primeiro trabalho</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1022" />
            <source>head open</source>
            <translation>cabeça aberta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="959" />
            <source>height</source>
            <translation>altura</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1061" />
            <source>idle</source>
            <translation>ociosa</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1028" />
            <source>invalid firmware configuration</source>
            <translation>configuração de firmware inválida</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="963" />
            <source>invoice</source>
            <translation>nota fiscal</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="961" />
            <source>label</source>
            <translation>etiqueta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="957" />
            <source>length</source>
            <translation>comprimento</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1072" />
            <source>marker-supply-empty</source>
            <translation>sem tinta ou toner</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1069" />
            <source>media-empty</source>
            <translation>sem papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1071" />
            <source>media-jam</source>
            <translation>papel preso</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1070" />
            <source>media-needed</source>
            <translation>precisa de papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1025" />
            <source>motor over temperature</source>
            <translation>motor superaquecido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1052" />
            <source>needs attention</source>
            <translation>precisa de atenção</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1044" />
            <source>no answer to ~HQES</source>
            <translation>não informa o estado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1041" />
            <source>no answer to ~HS (paper out, ribbon out or head open?)</source>
            <translation>não responde (sem papel, sem fita ou cabeça aberta?)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1049" />
            <source>no toner</source>
            <translation>sem toner</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1045" />
            <source>not available</source>
            <translation>indisponível</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1015" />
            <source>offline</source>
            <translation>desligada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1014" />
            <source>online</source>
            <translation>pronta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="964" />
            <source>order</source>
            <translation>pedido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1017" />
            <source>out of paper</source>
            <translation>sem papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1053" />
            <source>output bin full</source>
            <translation>bandeja de saída cheia</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="962" />
            <source>packing slip</source>
            <translation>lista de embalagem</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1034" />
            <source>paper feed error</source>
            <translation>erro na alimentação de papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1050" />
            <source>paper jam</source>
            <translation>papel preso</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1032" />
            <source>paper jam during retract</source>
            <translation>papel preso ao recolher</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1020" />
            <source>paper out</source>
            <translation>sem papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1048" />
            <source>paper problem</source>
            <translation>problema no papel</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1016" />
            <source>paused</source>
            <translation>pausada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1033" />
            <source>presenter not running</source>
            <translation>apresentador parado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1027" />
            <source>printhead detection error</source>
            <translation>cabeça não detectada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1024" />
            <source>printhead over temperature</source>
            <translation>cabeça superaquecida</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1031" />
            <source>printhead thermistor open</source>
            <translation>termistor da cabeça aberto</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1062" />
            <source>printing</source>
            <translation>imprimindo</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1060" />
            <source>ready</source>
            <translation>pronta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1039" />
            <source>receive buffer full</source>
            <translation>memória de recepção cheia</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1036" />
            <source>retract function timed out</source>
            <translation>recolhimento demorou demais</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1021" />
            <source>ribbon out</source>
            <translation>sem fita</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1046" />
            <source>server unknown</source>
            <translation>servidor desconhecido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1073" />
            <source>shutdown</source>
            <translation>desligada</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1076" />
            <source>the printer answers neither ~HQES nor ~HS</source>
            <translation>a impressora não informa o estado</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1057" />
            <source>the queue is disabled (paused)</source>
            <translation>a fila está desativada (pausada)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1054" />
            <source>the queue is rejecting jobs</source>
            <translation>a fila está recusando trabalhos</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1075" />
            <source>timed-out</source>
            <translation>sem resposta</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="1019" />
            <source>unknown</source>
            <translation>estado desconhecido</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="960" />
            <source>weight</source>
            <translation>peso</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="958" />
            <source>width</source>
            <translation>largura</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="85" />
            <source>{n} box(es) entered</source>
            <translation>{n} caixa(s) informada(s)</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="371" />
            <source>{n} boxes were entered but not what each holds</source>
            <translation>{n} caixas foram informadas, mas não o que cada uma leva</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="204" />
            <source>{n} item(s) of PO {po} are not scanned yet</source>
            <translation>{n} item(ns) do PO {po} ainda não foram escaneados</translation>
        </message>
        <message>
            <location filename="../../ui/workflow_texts.py" line="427" />
            <source>{n} unit(s) of line {line} are in no box</source>
            <translation>{n} unidade(s) da linha {line} não estão em nenhuma caixa</translation>
        </message>
    </context>
</TS>
