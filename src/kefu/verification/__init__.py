""" "Is this really kefu?": whether a phone number, e-mail address, web address or agent code
someone was contacted from is an official customer-service channel."""
